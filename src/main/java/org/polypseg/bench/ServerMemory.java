package org.polypseg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The resident memory of the server process, from {@code /proc/PID/status} (VmRSS), and how to
 * find that process from the port it listens on (Linux only).
 */
public final class ServerMemory {

  private final Long pid;

  private ServerMemory(Long pid) {
    this.pid = pid;
  }

  public static ServerMemory of(long pid) {
    return new ServerMemory(pid);
  }

  /** No process to measure: every reading is empty. */
  public static ServerMemory none() {
    return new ServerMemory(null);
  }

  public Optional<Long> pid() {
    return Optional.ofNullable(pid);
  }

  /** VmRSS in bytes, or empty when the process or /proc cannot be read. */
  public OptionalLong residentBytes() {
    if (pid == null) {
      return OptionalLong.empty();
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid.toString(), "status"))) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring(6).trim().split("\\s+")[0];
          return OptionalLong.of(Long.parseLong(kb) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Gone, or not Linux.
    }
    return OptionalLong.empty();
  }

  /**
   * CPU time the process has used (user + system), seconds, from /proc/PID/stat; assumes the
   * usual 100 clock ticks per second. Empty when unknown.
   */
  public java.util.OptionalDouble cpuSeconds() {
    if (pid == null) {
      return java.util.OptionalDouble.empty();
    }
    try {
      String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
      // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
      return java.util.OptionalDouble.of((Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0);
    } catch (IOException | RuntimeException e) {
      return java.util.OptionalDouble.empty();
    }
  }

  /**
   * The whole machine's CPU time so far, {busy, total} in clock ticks summed over cores, from
   * /proc/stat; empty when unknown. Tells how much of the machine others took during a stage.
   */
  public static Optional<long[]> machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
      return Optional.of(new long[] {total - idle, total});
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The process listening on a TCP port of this machine: the socket's inode from
   * /proc/net/tcp(6), then the process holding a descriptor to it.
   */
  public static Optional<Long> findListener(int port) {
    String hexPort = String.format(Locale.ROOT, ":%04X", port);
    Optional<String> inode = Stream.of("/proc/net/tcp", "/proc/net/tcp6")
        .flatMap(ServerMemory::lines)
        .map(String::trim)
        .map(l -> l.split("\\s+"))
        // local_address ends with the port; state 0A = LISTEN; inode is the 10th field.
        .filter(f -> f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A"))
        .map(f -> f[9])
        .findFirst();
    if (inode.isEmpty()) {
      return Optional.empty();
    }
    String socket = "socket:[" + inode.get() + "]";
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> holds(p, socket))
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean holds(Path process, String socket) {
    try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
      return fds.anyMatch(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().equals(socket);
        } catch (IOException | UnsupportedOperationException e) {
          return false;
        }
      });
    } catch (IOException e) {
      return false;
    }
  }

  private static Stream<String> lines(String file) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      return lines.stream().skip(1);
    } catch (IOException e) {
      return Stream.empty();
    }
  }
}
