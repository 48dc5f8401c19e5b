package org.polypseg.segment;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The application's settings, under {@code polypseg.*} in {@code application.yaml} (or as
 * {@code --polypseg.model-dir=...} on the command line).
 *
 * @param modelDir folder with {@code model.json} and {@code weights.params}; also where the model
 *     page looks for {@code MODEL_CARD.md} and {@code training_curves.png}
 * @param quantumBackend circuit simulator used for inference: "strange" or "statevector"
 * @param maxImageSize largest image (or mask) file accepted by the page and the API
 * @param maxFiles most images one page upload may hold at once
 */
@ConfigurationProperties("polypseg")
public record PolypSegProperties(
    @DefaultValue("models") Path modelDir,
    @DefaultValue("strange") String quantumBackend,
    @DefaultValue("20MB") DataSize maxImageSize,
    @DefaultValue("50") int maxFiles) {}
