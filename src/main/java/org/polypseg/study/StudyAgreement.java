package org.polypseg.study;

import java.util.List;
import org.polypseg.study.consensus.AgreementFigures;

/**
 * A study's consensus and agreement, from the frames every annotator has saved: per annotator
 * STAPLE's sensitivity and specificity, Dice against the others and against the consensus (all
 * in {@link #figures}), the model's Dice against the consensus as one more column, and the frames
 * by disagreement for adjudication. Figures are 0..1, averaged over the frames used.
 *
 * @param studyId the study
 * @param figures the annotators' figures, keyed by user name
 * @param modelDice the model's mean Dice against the STAPLE consensus over the frames that have
 *     a model mask (same convention as the annotators': two empty masks agree, 1), or null when
 *     no frame has one
 * @param modelFrames frames the model's Dice is averaged over
 * @param framesByDisagreement the frames used, most disagreement first
 * @param framesLeftOut frames not yet saved by every annotator, so not in the figures
 */
public record StudyAgreement(long studyId, AgreementFigures figures, Double modelDice,
    int modelFrames, List<FrameAgreement> framesByDisagreement, List<String> framesLeftOut) {

  public StudyAgreement {
    framesByDisagreement = List.copyOf(framesByDisagreement);
    framesLeftOut = List.copyOf(framesLeftOut);
  }

  /**
   * One frame of the agreement.
   *
   * @param frameId the frame's number in the database
   * @param frame its study-local name ({@code frame-0001})
   * @param disagreement 1 minus the annotators' mean pairwise Dice, 0..1
   * @param unsure annotators who flagged it "unsure"
   * @param noPolyp annotators who marked it "no polyp"
   * @param adjudicated whether the owner has adjudicated it
   */
  public record FrameAgreement(long frameId, String frame, double disagreement, int unsure,
      int noPolyp, boolean adjudicated) {}
}
