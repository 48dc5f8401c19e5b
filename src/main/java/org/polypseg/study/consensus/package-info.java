/**
 * The consensus of several raters' binary masks of the same frames, and how well they agree:
 * STAPLE ({@link org.polypseg.study.consensus.Staple}), majority vote and Dice
 * ({@link org.polypseg.study.consensus.Agreement}), gathered over the frames of a study by
 * {@link org.polypseg.study.consensus.ConsensusAnalysis}; and the same for folders of mask files
 * ({@link org.polypseg.study.consensus.MaskFolderConsensus}, the {@code consensus} command).
 *
 * <p>The core works on plain arrays ({@code boolean[rater][pixel]}, row-major pixels) and knows
 * no images, files or database, so that annotation studies, the command line and tests share it.
 */
package org.polypseg.study.consensus;
