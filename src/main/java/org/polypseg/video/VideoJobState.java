package org.polypseg.video;

/**
 * A snapshot of a clip's analysis.
 *
 * @param id the job's id
 * @param name the clip's file name as uploaded
 * @param status where it stands
 * @param framesTotal frames in the clip: the header's count while running (0 when it gives
 *     none), the frames read once done
 * @param framesDone frames read and annotated so far
 * @param framesAnalysed of which segmented by the model
 * @param framesPerSecond frames done per second of analysis so far
 * @param etaSeconds estimated seconds left, or null when unknown
 * @param reason why it failed, for the user; null unless failed
 */
public record VideoJobState(String id, String name, VideoJobStatus status, long framesTotal,
    int framesDone, int framesAnalysed, double framesPerSecond, Double etaSeconds,
    String reason) {}
