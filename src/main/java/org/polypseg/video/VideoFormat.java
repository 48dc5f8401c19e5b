package org.polypseg.video;

import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * The containers and codecs the project writes, all within FFmpeg's LGPL build.
 *
 * <p>The annotated video is {@link #WEBM}: VP8 through libvpx, royalty-free, and played by every
 * Chromium (Debian's included, whose H.264 support depends on how it was built). H.264 is written
 * with Cisco's openh264 (BSD), not x264, which only FFmpeg's GPL build has.
 */
public enum VideoFormat {
  /** WebM with VP8: the annotated video. */
  WEBM("webm", "libvpx", "webm", "video/webm"),
  /** MP4 with H.264 (openh264). */
  MP4("mp4", "libopenh264", "mp4", "video/mp4"),
  /** QuickTime with H.264 (openh264). */
  MOV("mov", "libopenh264", "mov", "video/quicktime"),
  /** AVI with MPEG-4 part 2. */
  AVI("avi", "mpeg4", "avi", "video/x-msvideo");

  /** What the reader is known to take, for messages. */
  public static final String SUPPORTED_INPUT =
      "MP4 (H.264), WebM (VP8/VP9), AVI, MOV";

  private final String muxer;
  private final String encoder;
  private final String extension;
  private final String mediaType;

  VideoFormat(String muxer, String encoder, String extension, String mediaType) {
    this.muxer = muxer;
    this.encoder = encoder;
    this.extension = extension;
    this.mediaType = mediaType;
  }

  String muxer() {
    return muxer;
  }

  String encoder() {
    return encoder;
  }

  int pixelFormat() {
    return avutil.AV_PIX_FMT_YUV420P;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  /**
   * The format named by a file's extension.
   *
   * @throws IllegalArgumentException naming the file and the extensions written
   */
  public static VideoFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (VideoFormat f : values()) {
      if (name.endsWith("." + f.extension)) {
        return f;
      }
    }
    throw new IllegalArgumentException(file + ": name the video .webm (VP8, plays in the page),"
        + " .mp4 or .mov (H.264) or .avi (MPEG-4)");
  }
}
