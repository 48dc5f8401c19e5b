package org.polypseg;

import org.polypseg.cli.PolypSegCommand;
import org.polypseg.image.Images;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point: with a command ({@code train}, {@code evaluate}, {@code benchmark}, …) runs the
 * command line tool; otherwise starts the web application.
 */
@SpringBootApplication
public class PolypSegApplication {

  public static void main(String[] args) {
    if (args.length > 0 && PolypSegCommand.isUnknownCommand(args[0])) {
      // A mistyped command must never start the server in its place.
      System.err.println(PolypSegCommand.unknownCommandMessage(args[0]));
      System.exit(2);
    }
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("java.awt.headless", "true");
    FastAllocator.relaunchIfNeeded(args);
    // Uploads and exported pictures stay in memory: no ImageIO cache files in the temp folder.
    Images.keepStreamsInMemory();
    if (args.length > 0 && PolypSegCommand.isCommand(args[0])) {
      System.exit(PolypSegCommand.execute(args));
    }
    SpringApplication.run(PolypSegApplication.class, args);
  }
}
