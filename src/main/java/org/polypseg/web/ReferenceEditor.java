package org.polypseg.web;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.polypseg.study.MaskImage;
import org.polypseg.study.StudyService;

/**
 * The owner draws a frame's reference in the annotators' editor (brush, eraser, polygon, undo,
 * zoom), starting from the current reference, the STAPLE consensus, the majority vote, the
 * model's mask or blank; saving makes the drawn mask the frame's reference, kept and exported as a
 * reference chosen in the side-by-side dialog is.
 */
final class ReferenceEditor extends Dialog {

  private final StudyMaskEditor editor = new StudyMaskEditor("reference-overlay");
  // Buttons rather than a radio group: that component is not in the committed production bundle.
  private final Div startFrom = new Div(new Span("Start from: "));
  private final Map<String, MaskImage> starts = new LinkedHashMap<>();
  private final Map<String, Button> startButtons = new LinkedHashMap<>();
  private String start;
  private final String frameName;
  private final Supplier<byte[]> png;
  private final Predicate<MaskImage> save;
  private final StudyProblem problem;

  /**
   * @param save makes a mask the reference; true when it did (a refusal is said by the caller)
   */
  ReferenceEditor(String frameName, int width, int height, Supplier<byte[]> png,
      StudyService.FrameMasks masks, Predicate<MaskImage> save, StudyProblem problem) {
    this.frameName = frameName;
    this.png = png;
    this.save = save;
    this.problem = problem;
    setId("reference-editor");
    setHeaderTitle(frameName + " · draw the reference");
    setWidth("min(60rem, 96vw)");
    if (masks != null) {
      offer("The current reference", masks.reference());
      offer("STAPLE consensus", masks.staple());
      offer("Majority vote", masks.majority());
      offer("The model's mask", masks.model());
    }
    starts.put("Blank", MaskImage.blank(width, height));
    startFrom.setId("reference-start");
    for (String label : starts.keySet()) {
      // A new start drops what was drawn: the corrections were made against the old one.
      Button b = new Button(label, e -> startFrom(label));
      b.addThemeVariants(ButtonVariant.LUMO_SMALL);
      startButtons.put(label, b);
      startFrom.add(b);
    }
    startFrom(starts.keySet().iterator().next());

    Paragraph help = new Paragraph("Paint the polyp with the brush or outline it with the "
        + "polygon, take away with the eraser; Save makes this mask the frame's reference (an "
        + "adjudicated export uses it).");
    help.addClassName("case-sub");
    add(help, startFrom, editor.overlay());

    Button saveButton = new Button("Save as the reference", e -> save());
    saveButton.setId("reference-save");
    saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Cancel", e -> close()), saveButton);
  }

  private void offer(String label, MaskImage mask) {
    if (mask != null) {
      starts.put(label, mask);
    }
  }

  /** Starts drawing again from the mask called {@code label}. */
  void startFrom(String label) {
    start = label;
    startButtons.forEach((l, b) -> {
      boolean chosen = l.equals(label);
      if (chosen) {
        b.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
      } else {
        b.removeThemeVariants(ButtonVariant.LUMO_CONTRAST);
      }
      b.getElement().setAttribute("aria-pressed", Boolean.toString(chosen));
    });
    editor.load(frameName, png, starts.get(label));
  }

  /** Makes the mask on screen the frame's reference, and closes when that is done. */
  void save() {
    MaskImage mask;
    try {
      mask = editor.maskOnScreen();
    } catch (IllegalArgumentException bad) {
      // Corrections of another size than the frame: the browser sent something odd.
      problem.show(frameName + ": " + bad.getMessage());
      return;
    }
    if (save.test(mask)) {
      close();
    }
  }

  /** The starts offered, in order (the first is chosen at first). */
  List<String> starts() {
    return List.copyOf(starts.keySet());
  }

  /** The start chosen now. */
  String start() {
    return start;
  }

  MaskImage maskOnScreen() {
    return editor.maskOnScreen();
  }

  /** For tests: the corrections as the browser would send them. */
  void setEdits(String text) {
    editor.setEdits(text);
  }
}
