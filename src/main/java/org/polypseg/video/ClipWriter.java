package org.polypseg.video;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.SeekableByteArrayOutputStream;
import org.polypseg.image.Images;

/**
 * Encodes frames into a clip with FFmpeg, one frame at a time, into memory or a file. Not
 * thread-safe. A failure of the encoder is a programming or system error, thrown as
 * {@link IllegalStateException}.
 */
public final class ClipWriter implements AutoCloseable {

  static {
    Ffmpeg.quiet();
  }

  private final FFmpegFrameRecorder recorder;
  private final SeekableByteArrayOutputStream memory;
  private final Frame frame;
  private final int width;
  private final int height;
  private final byte[] row;
  private boolean finished;

  private ClipWriter(FFmpegFrameRecorder recorder, SeekableByteArrayOutputStream memory,
      VideoFormat format, int width, int height, double fps) {
    this.recorder = recorder;
    this.memory = memory;
    this.width = width;
    this.height = height;
    this.frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
    this.row = new byte[3 * width];
    recorder.setFormat(format.muxer());
    recorder.setVideoCodecName(format.encoder());
    recorder.setPixelFormat(format.pixelFormat());
    recorder.setFrameRate(fps);
    recorder.setGopSize(Math.max(1, (int) Math.round(fps)));
    // 0.4 bits a pixel a frame: a 384x288 clip at 25 frames/s gets 1.1 Mbit/s (8 MB a minute),
    // enough for sharp outlines; less made VP8's real-time mode visibly blocky.
    recorder.setVideoBitrate((int) Math.min(20_000_000L, Math.max(1_000_000L,
        (long) (0.4 * width * (long) height * fps))));
    if (format == VideoFormat.WEBM) {
      // Real-time speed: the encoder must take a small share of the time the model takes.
      recorder.setVideoOption("deadline", "realtime");
      recorder.setVideoOption("cpu-used", "16");
      // Constant quality under the bitrate cap, so the first frames are not starved.
      recorder.setVideoOption("crf", "8");
    }
    try {
      recorder.start();
    } catch (FrameRecorder.Exception e) {
      throw new IllegalStateException("the " + format + " encoder could not start: "
          + ClipReader.firstLine(e), e);
    }
  }

  /** A clip in memory: nothing is written to disk. */
  public static ClipWriter inMemory(VideoFormat format, int width, int height, double fps) {
    // Seekable, so that the muxer can go back and write the index and duration.
    SeekableByteArrayOutputStream out = new SeekableByteArrayOutputStream();
    return new ClipWriter(new FFmpegFrameRecorder((OutputStream) out, width, height, 0), out,
        format, width, height, fps);
  }

  /** A clip written to {@code file}. */
  public static ClipWriter toFile(Path file, VideoFormat format, int width, int height,
      double fps) {
    return new ClipWriter(new FFmpegFrameRecorder(file.toFile(), width, height, 0), null, format,
        width, height, fps);
  }

  /** Appends a frame (resized to the clip's size if it differs). */
  public void write(BufferedImage image) {
    BufferedImage rgb = image.getType() == BufferedImage.TYPE_INT_RGB
        && image.getWidth() == width && image.getHeight() == height
        ? image : Images.resize(Images.toRgb(image), width, height);
    int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    ByteBuffer data = (ByteBuffer) frame.image[0];
    int stride = frame.imageStride;
    // A row at a time into the native buffer: a put per byte is most of this method's time.
    byte[] row = this.row;
    for (int y = 0; y < height; y++) {
      int i = y * width;
      for (int x = 0, o = 0; x < width; x++, o += 3) {
        int p = pixels[i + x];
        row[o] = (byte) p;
        row[o + 1] = (byte) (p >> 8);
        row[o + 2] = (byte) (p >> 16);
      }
      data.put(y * stride, row, 0, 3 * width);
    }
    try {
      recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
    } catch (FrameRecorder.Exception e) {
      throw new IllegalStateException("encoding a frame failed: " + ClipReader.firstLine(e), e);
    }
  }

  /** Frames written so far. */
  public int frameCount() {
    return recorder.getFrameNumber();
  }

  /**
   * Ends the clip.
   *
   * @return the encoded clip for an in-memory writer; null for a file writer
   */
  public byte[] finish() {
    finished = true;
    try {
      recorder.stop();
      recorder.release();
    } catch (FrameRecorder.Exception e) {
      throw new IllegalStateException("finishing the video failed: " + ClipReader.firstLine(e), e);
    }
    return memory == null ? null : memory.toByteArray();
  }

  @Override
  public void close() {
    if (!finished) {
      try {
        recorder.close();
      } catch (FrameRecorder.Exception e) {
        // Abandoned clip (cancelled or failed run): only its native memory is left to free.
      }
    }
    frame.close();
  }
}
