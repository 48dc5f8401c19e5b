package org.polypseg.train;

/**
 * One epoch's figures, a row of the training curves.
 *
 * @param epoch 1-based epoch
 * @param trainLoss mean Dice+BCE loss over the epoch's batches
 * @param validationDice mean per-image Dice at threshold 0.5 on the validation part, at input size
 * @param learningRate rate at the end of the epoch
 * @param seconds wall time of the epoch's training steps
 * @param quantumSeconds of which in the circuit block (forward + parameter shift)
 */
public record EpochRecord(
    int epoch,
    double trainLoss,
    double validationDice,
    double learningRate,
    double seconds,
    double quantumSeconds) {}
