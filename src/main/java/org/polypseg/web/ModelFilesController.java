package org.polypseg.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.polypseg.segment.PolypSegProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves the PNG figures that sit beside the model (training curves, the model card's figures). */
@RestController
public class ModelFilesController {

  /** Where the figures are served, relative to the application's root. */
  public static final String PATH = "model-files/";

  private final Path modelDir;

  public ModelFilesController(PolypSegProperties properties) {
    this.modelDir = properties.modelDir().toAbsolutePath().normalize();
  }

  @GetMapping("/" + PATH + "{name:[A-Za-z0-9_.-]+\\.png}")
  public ResponseEntity<byte[]> figure(@PathVariable String name) throws IOException {
    Path file = modelDir.resolve(name).normalize();
    if (!file.getParent().equals(modelDir) || !Files.isRegularFile(file)) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(Files.readAllBytes(file));
  }
}
