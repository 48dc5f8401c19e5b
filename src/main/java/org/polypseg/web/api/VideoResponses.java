package org.polypseg.web.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.polypseg.video.FrameFigures;
import org.polypseg.video.VideoJobState;

/** The JSON bodies of {@code /api/videos}. */
final class VideoResponses {

  private VideoResponses() {}

  /** The answer to an upload: where the job is. */
  @Schema(name = "VideoAccepted")
  record Accepted(
      @Schema(description = "the job's id, for the other /api/videos/{id} routes") String id,
      @Schema(description = "queued or running", example = "queued") String status,
      @Schema(description = "frames in the clip as its header gives them; 0 when it does not say")
          long framesTotal,
      @Schema(description = "frames read and annotated so far") int framesDone) {

    static Accepted of(VideoJobState s) {
      return new Accepted(s.id(), s.status().apiName(), s.framesTotal(), s.framesDone());
    }
  }

  /** A job's progress. */
  @Schema(name = "VideoStatus")
  record Status(
      String id,
      @Schema(description = "queued, running, done, failed or cancelled") String status,
      @Schema(description = "frames in the clip: the header's count while running, the frames"
          + " read once done") long framesTotal,
      @Schema(description = "frames read and annotated so far") int framesDone,
      @Schema(description = "of which segmented by the model (every stride-th)") int framesAnalysed,
      @Schema(description = "frames done per second of analysis") double framesPerSecond,
      @Schema(description = "estimated seconds left; absent when unknown") Double etaSeconds,
      @Schema(description = "why it failed, naming the file; absent unless failed") String reason) {

    static Status of(VideoJobState s) {
      return new Status(s.id(), s.status().apiName(), s.framesTotal(), s.framesDone(),
          s.framesAnalysed(), s.framesPerSecond(), s.etaSeconds(), s.reason());
    }
  }

  /** One analysed frame. */
  @Schema(name = "VideoFrame")
  record Frame(
      @Schema(description = "position in the clip, from 0") int index,
      @Schema(description = "time from the clip's start, seconds") double timeSeconds,
      @Schema(description = "polyp pixels / frame pixels at the job's threshold, 0..1")
          double areaFraction,
      @Schema(description = "connected polyp regions at the threshold") int regions,
      @Schema(description = "highest polyp probability in the frame, 0..1") double maxProbability) {

    static Frame of(FrameFigures f) {
      return new Frame(f.index(), f.timeSeconds(), f.areaFraction(), f.regions(),
          f.maxProbability());
    }
  }
}
