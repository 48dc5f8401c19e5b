package org.polypseg.web.api;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.polypseg.study.AnnotatorQueue;
import org.polypseg.study.MaskImage;
import org.polypseg.study.Pictures;
import org.polypseg.study.SavedMask;
import org.polypseg.study.Study;
import org.polypseg.study.StudyFrame;
import org.polypseg.study.StudyRole;

/** What the study API sends and takes as JSON. */
final class StudyResponses {

  private StudyResponses() {}

  /** A new study: title, {@code blank} or {@code model}, blind (default true). */
  record NewStudy(String title, String startFrom, Boolean blind) {}

  /** An annotator to add, by user name. */
  record NewAnnotator(String username) {}

  /** A study as its member sees it. */
  record StudyView(long id, String title, String startFrom, boolean blind, String owner,
      List<String> annotators, int frames, List<String> myRoles, Instant created) {
    static StudyView of(Study s) {
      return new StudyView(s.id(), s.settings().title(), s.settings().startFrom().label(),
          s.settings().blind(), s.owner(), s.annotators(), s.frames(),
          s.myRoles().stream().map(StudyRole::label).toList(), s.created());
    }
  }

  /** A frame, by its study-local name. */
  record FrameView(long id, String name, int width, int height, boolean hasModelMask) {
    static FrameView of(StudyFrame f) {
      return new FrameView(f.id(), f.name(), f.width(), f.height(), f.hasModelMask());
    }
  }

  /** The boxes proposed to blank burned-in text, {@code x,y,w,h;...} in pixels. */
  record RedactionProposal(String redact) {}

  /** An annotator's queue. */
  record QueueView(String annotator, int done, int total, Long next, List<QueueEntry> frames) {
    static QueueView of(AnnotatorQueue q) {
      return new QueueView(q.annotator(), q.done(), q.entries().size(), q.next(),
          q.entries().stream().map(e -> new QueueEntry(FrameView.of(e.frame()), e.version(),
              e.noPolyp(), e.unsure())).toList());
    }
  }

  /** One frame of a queue: version 0 = not saved yet. */
  record QueueEntry(FrameView frame, int version, boolean noPolyp, boolean unsure) {}

  /** A saved mask: the PNG (0/255) as base64. */
  record MaskView(long frameId, String annotator, int version, boolean noPolyp, boolean unsure,
      Instant saved, int width, int height, String maskPng) {
    static MaskView of(SavedMask m) {
      return new MaskView(m.frameId(), m.annotator(), m.version(), m.noPolyp(), m.unsure(),
          m.saved(), m.mask().width(), m.mask().height(), png(m.mask()));
    }
  }

  /** A mask without a version (start mask, reference). */
  record PlainMask(int width, int height, String maskPng) {
    static PlainMask of(MaskImage m) {
      return new PlainMask(m.width(), m.height(), png(m));
    }
  }

  static String png(MaskImage mask) {
    return Base64.getEncoder().encodeToString(Pictures.maskPng(mask));
  }
}
