package org.polypseg.bench;

import java.util.List;
import java.util.Map;

/**
 * What a load test measured.
 *
 * @param server the server's base URL
 * @param image the image posted
 * @param serverPid the server's process id, or null when its memory was not read
 * @param stages one per number of concurrent clients
 * @param users the stage of several users at once, or null
 * @param soak the soak run, or null
 */
public record LoadResult(String server, String image, Long serverPid, List<Stage> stages,
    Users users, Soak soak) {

  /**
   * The stage of several users at once, each from its own loopback address (login off: the server
   * tells users apart by address), e.g. one with 8 streams and one with 1.
   *
   * @param seconds wall time of the stage, s
   * @param perUser each user's figures, in the order given
   */
  public record Users(double seconds, List<User> perUser) {}

  /**
   * One user of the users stage.
   *
   * @param address the loopback address it sent from
   * @param streams its concurrent streams (clients)
   * @param statuses its answers per HTTP status
   * @param throughputPerSecond its 200 answers per second
   * @param share its part of all users' 200 answers, 0..1
   * @param p50Ms median latency of its 200 answers, ms
   */
  public record User(String address, int streams, Map<Integer, Long> statuses,
      double throughputPerSecond, double share, double p50Ms) {}

  /**
   * One stage.
   *
   * @param clients concurrent clients
   * @param seconds wall time of the stage, s
   * @param statuses answers per HTTP status (0 = no answer: connection refused or reset)
   * @param throughputPerSecond 200 answers per second
   * @param p50Ms median latency of the 200 answers, ms
   * @param p95Ms 95th percentile latency of the 200 answers, ms
   * @param rssBeforeMb the server's resident memory before the stage, MiB (null if unknown)
   * @param rssAfterMb the server's resident memory after the stage, MiB (null if unknown)
   * @param serverCpuCores CPU the server process used, in cores (CPU seconds per second)
   * @param machineBusyCores CPU the whole machine used, in cores: the load generator, the server
   *     and anything else running; what is left of the cores is what the server could have had
   */
  public record Stage(int clients, double seconds, Map<Integer, Long> statuses,
      double throughputPerSecond, double p50Ms, double p95Ms, Double rssBeforeMb,
      Double rssAfterMb, Double serverCpuCores, Double machineBusyCores) {}

  /**
   * The soak.
   *
   * @param inferences requests sent one after another
   * @param seconds wall time, s
   * @param statuses answers per HTTP status
   * @param rssBeforeMb resident memory before, MiB
   * @param rssAfterMb resident memory after, MiB
   * @param rssGrowthPercent growth of the resident memory, percent of the value before
   */
  public record Soak(int inferences, double seconds, Map<Integer, Long> statuses,
      Double rssBeforeMb, Double rssAfterMb, Double rssGrowthPercent) {}
}
