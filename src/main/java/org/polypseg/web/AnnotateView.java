package org.polypseg.web;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.polypseg.study.AnnotatorQueue;
import org.polypseg.study.MaskImage;
import org.polypseg.study.MaskSave;
import org.polypseg.study.SavedMask;
import org.polypseg.study.Study;
import org.polypseg.study.StudyFrame;
import org.polypseg.study.StudyService;

/**
 * An annotator's queue: one frame at a time in the segmentation page's overlay (brush, eraser,
 * undo, zoom), starting from their saved mask, else the model's mask or blank as the owner chose;
 * "no polyp in this frame" and "unsure"; Save goes on to the next frame not yet saved, so a
 * return resumes where one left off. A save from a stale version (the same person in another tab)
 * is refused with a message and nothing is overwritten.
 */
@PermitAll
@Route(value = "studies/:id(\\d+)/annotate", layout = MainLayout.class)
@PageTitle("Annotate · polypseg")
public class AnnotateView extends Div implements BeforeEnterObserver {

  private final StudyService studies;
  private final StudyProblem problem = new StudyProblem();
  private final String user;
  private long studyId;
  private AnnotatorQueue queue;

  private final StudyMaskEditor maskEditor = new StudyMaskEditor("annotate-overlay");
  private final Checkbox noPolyp = new Checkbox("No polyp in this frame");
  private final Checkbox unsure = new Checkbox("Unsure");
  private final Span where = new Span();
  private final Div frameList = new Div();
  private final Div editor = new Div();

  private StudyFrame frame;
  private int version;

  public AnnotateView(StudyService studies) {
    this.studies = studies;
    this.user = StudyPages.user();
    addClassName("annotate-view");
    noPolyp.setId("annotate-no-polyp");
    unsure.setId("annotate-unsure");
    where.setId("annotate-where");
    frameList.setId("annotate-frames");
    frameList.addClassName("annotate-frames");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    show(event.getRouteParameters().getLong("id").orElse(-1L));
  }

  /** Builds the page for study {@code id}, at the first frame not yet saved. */
  void show(long id) {
    studyId = id;
    removeAll();
    problem.clear();
    add(StudyPages.link("← The study", "studies/" + studyId), problem);
    Study study = problem.attempt(() -> studies.study(user, studyId));
    queue = study == null ? null : problem.attempt(() -> studies.queue(user, studyId));
    if (queue == null) {
      Paragraph none = new Paragraph("Nothing to annotate here.");
      none.setId("annotate-nothing");
      add(none);
      return;
    }
    add(new H2(study.settings().title()));
    if (queue.entries().isEmpty()) {
      Paragraph empty = new Paragraph("The study has no frames yet.");
      empty.setId("annotate-nothing");
      add(empty);
      return;
    }
    Button save = new Button("Save and next", e -> save());
    save.setId("annotate-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Paragraph help = new Paragraph("Paint the polyp with the brush, take away with the eraser "
        + "(undo, zoom and the threshold are the segmentation page's). \"No polyp\" saves an "
        + "empty mask; \"Unsure\" keeps your mask and tells the owner.");
    help.addClassName("case-sub");
    editor.removeAll();
    editor.add(new Paragraph(where), maskEditor.overlay(), new Div(noPolyp, unsure), save);
    add(help, frameList, editor);
    Long next = queue.next();
    open(next != null ? next : queue.entries().getFirst().frame().id());
  }

  /** Loads a frame of the queue: the annotator's kept mask, or where the owner said to start. */
  void open(long frameId) {
    // Fresh from the database: another tab may have saved since, and its version is the base.
    AnnotatorQueue fresh = problem.attempt(() -> studies.queue(user, studyId));
    if (fresh == null) {
      return;
    }
    queue = fresh;
    problem.clear();
    AnnotatorQueue.Entry entry = queue.entries().stream()
        .filter(e -> e.frame().id() == frameId).findFirst().orElseThrow();
    MaskImage mask = problem.attempt(() -> studies.startMask(user, studyId, frameId));
    if (mask == null) {
      return;
    }
    frame = entry.frame();
    version = entry.version();
    noPolyp.setValue(entry.noPolyp());
    unsure.setValue(entry.unsure());
    maskEditor.load(frame.name(), () -> studies.frameImage(user, studyId, frameId), mask);
    refreshList();
  }

  private void refreshList() {
    where.setText(String.format(Locale.ROOT, "%s · %d of %d frames saved%s", frame.name(),
        queue.done(), queue.entries().size(), version > 0 ? " · this one saved (version "
            + version + ")" : ""));
    frameList.removeAll();
    for (AnnotatorQueue.Entry e : queue.entries()) {
      Button b = new Button(e.frame().name() + (e.done() ? " ✓" : ""), click -> open(e.frame()
          .id()));
      b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      if (e.frame().id() == frame.id()) {
        b.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        b.getElement().setAttribute("aria-current", "true");
      }
      frameList.add(b);
    }
  }

  /** The mask on screen: the start mask at the overlay's threshold, with the brush's edits. */
  MaskImage maskOnScreen() {
    return maskEditor.maskOnScreen();
  }

  void save() {
    SavedMask saved;
    try {
      MaskImage mask = noPolyp.getValue() ? null : maskOnScreen();
      saved = problem.attempt(() -> studies.saveMask(user, studyId, frame.id(),
          new MaskSave(version, mask, noPolyp.getValue(), unsure.getValue())));
    } catch (IllegalArgumentException e) {
      // Corrections of another size than the frame: the browser sent something odd.
      problem.show(frame.name() + ": " + e.getMessage());
      return;
    }
    if (saved == null) {
      return;
    }
    StudyPages.info(frame.name() + " saved (version " + saved.version() + ")");
    AnnotatorQueue fresh = problem.attempt(() -> studies.queue(user, studyId));
    Long next = fresh == null ? null : fresh.next();
    open(next != null ? next : frame.id());
  }

  StudyProblem problem() {
    return problem;
  }

  ThresholdOverlay overlay() {
    return maskEditor.overlay();
  }

  Checkbox noPolyp() {
    return noPolyp;
  }

  Checkbox unsure() {
    return unsure;
  }

  StudyFrame frame() {
    return frame;
  }

  String where() {
    return where.getText();
  }

  /** For tests: the corrections as the browser would send them. */
  void setEdits(String text) {
    maskEditor.setEdits(text);
  }
}
