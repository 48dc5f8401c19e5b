package org.polypseg.video;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.polypseg.image.Images;

/**
 * Reads a clip frame by frame with FFmpeg (in-process, through JavaCV), within {@link VideoLimits}.
 * Only one frame is decoded at a time, so memory does not grow with the clip's length. Not
 * thread-safe: one reader belongs to one thread at a time.
 *
 * <p>Every problem is a {@link VideoReadException} naming the file: not a container FFmpeg can
 * open (truncated, corrupt, not a video), audio only, a codec this build cannot decode, no frames,
 * or a clip over the limits.
 */
public final class ClipReader implements AutoCloseable {

  /** Frame rate assumed when the header gives none (or nonsense). */
  static final double DEFAULT_FPS = 25;

  static {
    Ffmpeg.quiet();
  }

  private final String name;
  private final VideoLimits limits;
  private final FFmpegFrameGrabber grabber;
  private final ClipInfo info;
  private int nextIndex;
  private long firstTimestamp = Long.MIN_VALUE;

  private ClipReader(String name, VideoLimits limits, FFmpegFrameGrabber grabber)
      throws VideoReadException {
    this.name = name;
    this.limits = limits;
    this.grabber = grabber;
    grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
    try {
      grabber.start();
    } catch (FrameGrabber.Exception | RuntimeException e) {
      closeQuietly();
      throw new VideoReadException(openFailure(e));
    }
    try {
      this.info = checkedInfo();
    } catch (VideoReadException e) {
      closeQuietly();
      throw e;
    }
  }

  /** Opens a clip held in memory (an upload); nothing is written to disk. */
  public static ClipReader open(byte[] bytes, String name, VideoLimits limits)
      throws VideoReadException {
    if (bytes.length > limits.maxBytes()) {
      throw new VideoReadException(limits.tooLarge(name, bytes.length), true);
    }
    if (bytes.length == 0) {
      throw new VideoReadException(name + ": the file is empty");
    }
    // The stream supports mark/reset over the whole array, which FFmpeg's seeks need (an MP4's
    // index may sit at its end).
    return new ClipReader(name, limits,
        new FFmpegFrameGrabber(new ByteArrayInputStream(bytes), Integer.MAX_VALUE - 8));
  }

  /** Opens a clip file, streamed from disk. */
  public static ClipReader open(Path file, VideoLimits limits) throws VideoReadException {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new VideoReadException(name + ": file not found");
    }
    try {
      long size = Files.size(file);
      if (size > limits.maxBytes()) {
        throw new VideoReadException(limits.tooLarge(name, size), true);
      }
      if (size == 0) {
        throw new VideoReadException(name + ": the file is empty");
      }
    } catch (java.io.IOException e) {
      throw new VideoReadException(name + ": cannot be read (" + e.getMessage() + ")");
    }
    return new ClipReader(name, limits, new FFmpegFrameGrabber(file.toFile()));
  }

  public ClipInfo info() {
    return info;
  }

  /** The file's name as the user knows it. */
  public String name() {
    return name;
  }

  /**
   * The next frame, or null at the end of the clip.
   *
   * @throws VideoReadException when the clip runs past the frame or duration limit, or its data
   *     cannot be decoded
   */
  public DecodedFrame next() throws VideoReadException {
    Frame frame;
    try {
      frame = grabber.grabImage();
    } catch (FrameGrabber.Exception | RuntimeException e) {
      throw new VideoReadException(name + ": the video data is damaged at frame " + nextIndex
          + " and cannot be decoded further (" + firstLine(e) + ")");
    }
    if (frame == null || frame.image == null) {
      return null;
    }
    if (nextIndex >= limits.maxFrames()) {
      throw new VideoReadException(String.format(Locale.ROOT,
          "%s: the clip has more than %,d frames, the limit", name, limits.maxFrames()));
    }
    if (firstTimestamp == Long.MIN_VALUE) {
      firstTimestamp = frame.timestamp;
    }
    double time = frame.timestamp >= firstTimestamp
        ? (frame.timestamp - firstTimestamp) / 1e6 : nextIndex * info.frameSeconds();
    if (time > limits.maxDuration().toSeconds()) {
      throw new VideoReadException(name + ": the clip is longer than "
          + VideoLimits.minutes(limits.maxDuration()) + ", the limit");
    }
    return new DecodedFrame(nextIndex++, time, toImage(frame));
  }

  /**
   * The frame at {@code index}, found by seeking (to the key frame before it, then decoding
   * forward), or null when the clip has no such frame. Later {@link #next()} calls go on after it.
   */
  public DecodedFrame frameAt(int index) throws VideoReadException {
    try {
      grabber.setTimestamp(Math.round(index * info.frameSeconds() * 1e6), true);
    } catch (FrameGrabber.Exception | RuntimeException e) {
      throw new VideoReadException(name + ": cannot seek to frame " + index + " ("
          + firstLine(e) + ")");
    }
    nextIndex = index;
    firstTimestamp = 0;
    return next();
  }

  /** Goes back to the clip's first frame: the next {@link #next()} returns frame 0. */
  public void rewind() throws VideoReadException {
    try {
      grabber.setTimestamp(0L);
    } catch (FrameGrabber.Exception | RuntimeException e) {
      throw new VideoReadException(name + ": cannot go back to the first frame ("
          + firstLine(e) + ")");
    }
    nextIndex = 0;
    firstTimestamp = Long.MIN_VALUE;
  }

  @Override
  public void close() {
    closeQuietly();
  }

  private ClipInfo checkedInfo() throws VideoReadException {
    if (!grabber.hasVideo()) {
      throw new VideoReadException(name + (grabber.hasAudio()
          ? ": the file holds audio only, no video stream"
          : ": the file holds no video stream"));
    }
    int w = grabber.getImageWidth();
    int h = grabber.getImageHeight();
    if (w <= 0 || h <= 0) {
      throw new VideoReadException(name + ": the video stream has no frame size; the file is"
          + " damaged or not a video");
    }
    if ((long) w * h > limits.maxPixels()) {
      throw new VideoReadException(String.format(Locale.ROOT,
          "%s: the frames are %d×%d px (%.1f megapixels), more than the limit of %.1f megapixels",
          name, w, h, (double) w * h / 1e6, limits.maxPixels() / 1e6));
    }
    double fps = grabber.getVideoFrameRate();
    if (!(fps > 0.5 && fps <= 1000)) {
      fps = DEFAULT_FPS;
    }
    double duration = Math.max(0, grabber.getLengthInTime() / 1e6);
    if (duration > limits.maxDuration().toSeconds()) {
      throw new VideoReadException(String.format(Locale.ROOT,
          "%s: the clip lasts %.0f s, more than the limit of %s", name, duration,
          VideoLimits.minutes(limits.maxDuration())));
    }
    long frames = Math.max(0, grabber.getLengthInVideoFrames());
    if (frames > limits.maxFrames()) {
      throw new VideoReadException(String.format(Locale.ROOT,
          "%s: the clip has %,d frames, more than the limit of %,d", name, frames,
          limits.maxFrames()));
    }
    String codec = grabber.getVideoCodecName();
    return new ClipInfo(w, h, fps, frames, duration, codec == null ? "unknown" : codec);
  }

  private String openFailure(Exception e) {
    String detail = String.valueOf(e.getMessage());
    if (detail.contains("avcodec_find_decoder") || detail.contains("avcodec_open2")) {
      return name + ": the video codec cannot be decoded by this build of FFmpeg; supported: "
          + VideoFormat.SUPPORTED_INPUT;
    }
    if (detail.contains("Did not find a video or audio stream")) {
      return name + ": the file holds no video stream";
    }
    return name + ": not a readable video (the container is truncated, damaged or of an unknown"
        + " kind); supported: " + VideoFormat.SUPPORTED_INPUT;
  }

  /** The frame (BGR, 8 bits a channel) as an RGB image of the clip's size. */
  private BufferedImage toImage(Frame frame) {
    int w = frame.imageWidth;
    int h = frame.imageHeight;
    ByteBuffer data = (ByteBuffer) frame.image[0];
    int stride = frame.imageStride;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    // A row at a time out of the native buffer: a get per byte is most of this method's time.
    byte[] row = new byte[3 * w];
    for (int y = 0; y < h; y++) {
      data.get(y * stride, row, 0, 3 * w);
      int i = y * w;
      for (int x = 0, p = 0; x < w; x++, p += 3) {
        rgb[i + x] = (row[p + 2] & 0xFF) << 16 | (row[p + 1] & 0xFF) << 8 | (row[p] & 0xFF);
      }
    }
    // A stream may change size midway; the rest of the pipeline works at the header's size.
    return w == info.width() && h == info.height()
        ? image : Images.resize(image, info.width(), info.height());
  }

  private void closeQuietly() {
    try {
      grabber.close();
    } catch (Exception e) {
      // Releasing native memory of a clip we are done with; nothing the user could act on.
    }
  }

  static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
