package org.polypseg.web.fairuse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-client rate limit, under {@code polypseg.rate-limit.*}, on costly work that is not
 * inference (reports, clips): images are shared out by the fair inference queue instead
 * ({@code polypseg.inference.*}), so a user alone on the server is never capped.
 *
 * @param requestsPerMinute costly requests (API: reports, clips and clip reports; the page:
 *     reports and clips) one user, or one address when anonymous, may make per minute, on
 *     average; 0 = no limit
 * @param burst how many of them may come at once (a page drop of many frames); at least the page's
 *     {@code polypseg.max-files} is sensible
 */
@ConfigurationProperties("polypseg.rate-limit")
public record FairUseProperties(
    @DefaultValue("120") int requestsPerMinute,
    @DefaultValue("60") int burst) {

  @ConstructorBinding
  public FairUseProperties {
    if (requestsPerMinute < 0 || burst < 1) {
      throw new IllegalArgumentException("polypseg.rate-limit: requests-per-minute must be 0 "
          + "(no limit) or more, and burst at least 1");
    }
  }

  /** Whether a limit is set. */
  public boolean limited() {
    return requestsPerMinute > 0;
  }
}
