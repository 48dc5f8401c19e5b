package org.polypseg.study.consensus;

/**
 * One frame's disagreement between raters, 0..1 (1 minus their mean pairwise Dice; see
 * {@link Agreement#disagreement}).
 */
public record FrameDisagreement(String frame, double disagreement) {}
