package org.polypseg.cli;

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
      BenchmarkStudiesCommand.class
    })
public final class PolypSegCommand {

  private static final Set<String> COMMANDS =
      Set.of("train", "evaluate", "benchmark", "report", "video", "load-test", "hash-password", "tls-keystore", "consensus", "benchmark-studies", "help", "--help", "-h", "--version", "-V");

  public static boolean isCommand(String first) {
    return COMMANDS.contains(first);
  }

  /** Runs the command; user errors print one clear message and return exit code 2. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new PolypSegCommand());
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
