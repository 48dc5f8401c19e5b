package org.polypseg.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which frames to take from a clip: {@code count} frames evenly spaced over it, or every
 * {@code step}-th frame from the first. Frames are counted from 0.
 *
 * @param mode evenly spaced or every n-th
 * @param value the number of frames (evenly) or the step between them (every n-th), at least 1
 */
public record ClipSampling(Mode mode, int value) {

  /** How the frames are chosen. */
  public enum Mode {
    /** {@code value} frames, one in the middle of each of {@code value} equal stretches. */
    EVENLY,
    /** Frames 0, {@code value}, 2 {@code value}, … */
    EVERY
  }

  /**
   * Decoding forward is cheaper than a seek (which decodes from the key frame before the target)
   * up to about a key-frame interval; past this gap the reader seeks.
   */
  static final int SEEK_GAP = 50;

  public ClipSampling {
    if (mode == null) {
      throw new IllegalArgumentException("choose evenly spaced frames or every n-th frame");
    }
    if (value < 1) {
      throw new IllegalArgumentException(mode == Mode.EVENLY
          ? "the number of frames must be at least 1, not " + value
          : "the step must be at least 1 (every frame), not " + value);
    }
  }

  public static ClipSampling evenly(int count) {
    return new ClipSampling(Mode.EVENLY, count);
  }

  public static ClipSampling every(int step) {
    return new ClipSampling(Mode.EVERY, step);
  }

  /**
   * The frame indices this sampling takes from a clip of {@code frames} frames, ascending.
   *
   * @throws IllegalArgumentException more frames asked for than the clip has (evenly)
   */
  public List<Integer> indices(long frames) {
    List<Integer> out = new ArrayList<>();
    if (mode == Mode.EVERY) {
      for (long i = 0; i < frames; i += value) {
        out.add((int) i);
      }
      return out;
    }
    if (value > frames) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the clip has %,d frame%s; ask for at most %,d", frames, frames == 1 ? "" : "s",
          frames));
    }
    // The middle of each of `value` equal stretches: distinct indices since value <= frames.
    for (int i = 0; i < value; i++) {
      out.add((int) ((2L * i + 1) * frames / (2L * value)));
    }
    return out;
  }

  /** How many frames this sampling takes from a clip of {@code frames} frames. */
  public long count(long frames) {
    return mode == Mode.EVERY ? (frames + value - 1) / value : Math.min(value, frames);
  }

  /** What a user reads: "12 frames evenly spaced", "every 25th frame". */
  public String describe() {
    if (mode == Mode.EVENLY) {
      return value + " frame" + (value == 1 ? "" : "s") + " evenly spaced";
    }
    return value == 1 ? "every frame" : "every " + value + ordinalSuffix(value) + " frame";
  }

  private static String ordinalSuffix(int n) {
    int lastTwo = n % 100;
    if (lastTwo >= 11 && lastTwo <= 13) {
      return "th";
    }
    return switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  /** Receives the sampled frames one at a time, so that only one is decoded at once. */
  @FunctionalInterface
  public interface FrameSink {
    void accept(DecodedFrame frame) throws VideoReadException;
  }

  /**
   * The clip's frame count: the header's, else its duration times its frame rate, else counted by
   * decoding the clip once (a stream that announces neither); the reader is then back at frame 0.
   */
  public static long frameCount(ClipReader reader) throws VideoReadException {
    ClipInfo info = reader.info();
    if (info.estimatedFrames() > 0) {
      return info.estimatedFrames();
    }
    long fromDuration = Math.round(info.durationSeconds() * info.framesPerSecond());
    if (fromDuration > 0) {
      return fromDuration;
    }
    long counted = 0;
    while (reader.next() != null) {
      counted++;
    }
    if (counted > 0) {
      reader.rewind();
    }
    return counted;
  }

  /**
   * Reads the frames at {@code indices} (ascending) and hands each to {@code sink}: forward when
   * the next one is near, by seeking when it is far. Stops early, without error, where the clip
   * ends before an index (its header overstated its length).
   *
   * @return the frames handed over
   */
  public static int read(ClipReader reader, List<Integer> indices, FrameSink sink)
      throws VideoReadException {
    int handed = 0;
    int position = 0; // the index next() would return
    for (int index : indices) {
      DecodedFrame frame;
      if (index >= position && index - position <= SEEK_GAP) {
        frame = reader.next();
        while (frame != null && frame.index() < index) {
          frame = reader.next();
        }
      } else {
        frame = reader.frameAt(index);
      }
      if (frame == null) {
        break;
      }
      position = index + 1;
      sink.accept(frame);
      handed++;
    }
    return handed;
  }
}
