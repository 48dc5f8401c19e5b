package org.polypseg.model;

import java.util.Map;

/**
 * The contents of {@code model.json}: the model's name, architecture and how it was trained.
 *
 * @param name a human-readable model name
 * @param architecture the network's shape, enough to rebuild it
 * @param training the training settings and outcome (epochs, seed, learning rate, data, times)
 */
public record ModelInfo(String name, ModelSpec architecture, Map<String, Object> training) {}
