package org.polypseg.video;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The clip settings, under {@code polypseg.video.*} in {@code application.yaml}.
 *
 * @param maxSize largest clip file accepted
 * @param maxDuration longest clip accepted
 * @param maxFrames most frames a clip may have
 * @param maxPixels largest frame, width x height in pixels
 * @param expireAfter how long a finished clip's results stay in memory before they are forgotten
 * @param maxJobs clips kept in memory at once (queued, running or finished); past that a new clip
 *     is refused as busy until one expires or is deleted
 * @param concurrentJobs clips analysed at once; the others wait as {@code queued}
 */
@ConfigurationProperties("polypseg.video")
public record VideoProperties(
    @DefaultValue("200MB") DataSize maxSize,
    @DefaultValue("15m") Duration maxDuration,
    @DefaultValue("30000") long maxFrames,
    @DefaultValue("2073600") long maxPixels,
    @DefaultValue("30m") Duration expireAfter,
    @DefaultValue("8") int maxJobs,
    @DefaultValue("2") int concurrentJobs) {

  public static final VideoProperties DEFAULTS = new VideoProperties(DataSize.ofMegabytes(200),
      Duration.ofMinutes(15), 30_000, 1920L * 1080, Duration.ofMinutes(30), 8, 2);

  public VideoProperties {
    if (maxJobs < 1 || concurrentJobs < 1) {
      throw new IllegalArgumentException("polypseg.video.max-jobs and concurrent-jobs must be >= 1");
    }
    if (expireAfter.isNegative() || expireAfter.isZero()) {
      throw new IllegalArgumentException("polypseg.video.expire-after must be positive");
    }
  }

  public VideoLimits limits() {
    return new VideoLimits(maxSize.toBytes(), maxDuration, maxFrames, maxPixels);
  }
}
