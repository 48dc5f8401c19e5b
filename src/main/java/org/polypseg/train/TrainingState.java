package org.polypseg.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a resumed run needs besides the weights: how many epochs are done and the best so far.
 *
 * @param epochsDone completed epochs
 * @param bestDice best validation Dice so far
 * @param bestEpoch the epoch that reached it
 */
record TrainingState(int epochsDone, double bestDice, int bestEpoch) {

  private static final String FILE = "state.json";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static TrainingState read(Path checkpoints) throws IOException {
    Path file = checkpoints.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    return JSON.readValue(file.toFile(), TrainingState.class);
  }

  void write(Path checkpoints) throws IOException {
    Path tmp = checkpoints.resolve(FILE + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    Files.move(tmp, checkpoints.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
