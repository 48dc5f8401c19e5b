package org.polypseg.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.polypseg.data.DataFolderException;
import org.polypseg.image.ImageReadException;
import org.polypseg.model.ModelLoadException;
import org.polypseg.model.mobilenet.PretrainedWeightsException;
import org.polypseg.report.ReportException;
import org.polypseg.study.consensus.ConsensusInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code polypseg <command> [options]}. */
@Command(
    name = "polypseg",
    mixinStandardHelpOptions = true,
    version = "polypseg 0.1.0",
    description = "Polyp segmentation with a hybrid quantum-classical U-Net.",
    subcommands = {
      TrainCommand.class,
      EvaluateCommand.class,
      BenchmarkCommand.class,
      ReportCommand.class,
      VideoCommand.class,
      LoadTestCommand.class,
      HashPasswordCommand.class,
      TlsKeystoreCommand.class,
      ConsensusCommand.class,
      CircuitCommand.class,
      ArchiveCommand.class,
      ArchiveBenchmarkCommand.class,
      BenchmarkStudiesCommand.class
    })
public final class PolypSegCommand {

  private static final Set<String> COMMANDS =
      Set.of("train", "evaluate", "benchmark", "report", "video", "load-test", "hash-password", "tls-keystore", "consensus", "circuit", "archive", "archive-benchmark", "benchmark-studies", "help", "--help", "-h", "--version", "-V");

  public static boolean isCommand(String first) {
    return COMMANDS.contains(first);
  }

  /**
   * True when the first argument is a word that names no command (a typo such as {@code
   * evalute}): the program must say so rather than start the web server, whose own arguments all
   * start with {@code --} ({@code --server.port=9090}).
   */
  public static boolean isUnknownCommand(String first) {
    return !first.isEmpty() && !first.startsWith("-") && !isCommand(first);
  }

  /** The message for an unknown command: what was given, the nearest command, all the others. */
  public static String unknownCommandMessage(String word) {
    List<String> names = commandNames();
    String nearest = names.stream()
        .min(Comparator.comparingInt(name -> editDistance(word.toLowerCase(Locale.ROOT), name)))
        .orElseThrow();
    return "error: '" + word + "' is not a polypseg command. Did you mean '" + nearest + "'?\n"
        + "Commands: " + String.join(", ", names) + " (each with --help); with no command,"
        + " ./polypseg starts the web app.";
  }

  /** The commands' names, as registered with picocli above. */
  static List<String> commandNames() {
    return List.copyOf(new CommandLine(new PolypSegCommand()).getSubcommands().keySet());
  }

  /** Levenshtein distance: insertions, deletions and substitutions, one each. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** Runs the command; user errors print one clear message and return exit code 2. */
  public static int execute(String... args) {
    return execute(new PolypSegCommand(), args);
  }

  /** Runs {@code command} (this one, or one command alone) with the same handling of errors. */
  static int execute(Object command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof DataFolderException
              || e instanceof ImageReadException
              || e instanceof ModelLoadException
              || e instanceof PretrainedWeightsException
              || e instanceof ReportException
              || e instanceof ConsensusInputException
              || e instanceof UserError) {
            commandLine.getErr().println("error: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    return cli.execute(args);
  }
}
