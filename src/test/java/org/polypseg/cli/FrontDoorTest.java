package org.polypseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ./polypseg WORD}: a word that is no command is refused; the server's options are not. */
class FrontDoorTest {

  @Test
  void aMistypedCommandIsNamedWithTheNearestAndTheOthersListed() {
    assertThat(PolypSegCommand.isUnknownCommand("evalute")).isTrue();
    String message = PolypSegCommand.unknownCommandMessage("evalute");
    assertThat(message).contains("'evalute' is not a polypseg command")
        .contains("Did you mean 'evaluate'?")
        .contains("train", "benchmark", "report", "video", "consensus", "hash-password");
    assertThat(PolypSegCommand.unknownCommandMessage("VIDO")).contains("Did you mean 'video'?");
  }

  @Test
  void commandsAndTheServersOwnOptionsAreNotUnknownCommands() {
    assertThat(PolypSegCommand.isUnknownCommand("evaluate")).isFalse();
    assertThat(PolypSegCommand.isUnknownCommand("--help")).isFalse();
    assertThat(PolypSegCommand.isUnknownCommand("--server.port=9090")).isFalse();
    // Every registered command is known to the front door, so none can start the server instead.
    assertThat(PolypSegCommand.commandNames()).allMatch(PolypSegCommand::isCommand);
  }
}
