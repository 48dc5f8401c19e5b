package org.polypseg.web;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.BiConsumer;
import org.polypseg.image.Redaction;

/**
 * "Redact text…": the boxes to blank in every picture of an image (the original shown, the
 * overlay, the reports), on the image itself ({@link RedactionEditor}) and as numbers in a field.
 * Opens with the image's boxes, or the default proposal when it has none yet, which the user
 * confirms with Apply. A box outside the image is said at the field and nothing changes.
 */
final class RedactionDialog extends Dialog {

  private final ImageCase imageCase;
  private final RedactionEditor editor = new RedactionEditor();
  private final TextField field = new TextField("Boxes (x,y,w,h in pixels; ';' between boxes)");
  private final Checkbox allOfSize;
  private final List<ImageCase> sameSize;
  private final BiConsumer<Redaction, List<ImageCase>> onApply;

  /**
   * @param sameSize the other segmented images of this image's size
   * @param onApply hears the confirmed boxes and the images to give them to (this one first)
   */
  RedactionDialog(ImageCase imageCase, List<ImageCase> sameSize,
      BiConsumer<Redaction, List<ImageCase>> onApply) {
    this.imageCase = imageCase;
    int w = imageCase.image().getWidth();
    int h = imageCase.image().getHeight();
    setHeaderTitle("Redact burned-in text · " + imageCase.fileName());
    setId("redaction-dialog");
    setWidth("min(920px, 96vw)");

    Paragraph help = new Paragraph("Endoscopes write patient data (sex, age, date of birth, "
        + "date and time) into the frame itself. The boxes are blanked black in the image shown, "
        + "the overlay PNG and the reports; the segmentation and its figures do not change. "
        + "Drag on the image to draw a box, drag a box to move it, select one and press Delete "
        + "(or its ×) to remove it.");
    help.addClassName("case-sub");
    Redaction start = imageCase.redactionConfirmed() ? imageCase.redaction()
        : imageCase.proposedRedaction();
    Paragraph proposal = new Paragraph(imageCase.redactionConfirmed()
        ? "The boxes in use for this image."
        : start.isEmpty() ? "No burned-in text was found where endoscopes usually put it; draw "
            + "a box over any text you see."
        : "Proposed: the usual places of an endoscope's text. Check them against the image, "
            + "adjust, then Apply.");
    proposal.setId("redaction-proposal");

    editor.setId("redaction-editor");
    editor.setImage(Downloads.inlinePng(CaseDetail.safe(imageCase.fileName()) + "-unredacted.png",
        imageCase::image), w, h);
    editor.setBoxes(start);
    editor.setWidthFull();
    editor.addBoxesChangedListener(e -> {
      field.setValue(e.getValue());
      field.setInvalid(false);
    });

    field.setId("redaction-boxes");
    field.setWidthFull();
    field.setValue(start.format());
    field.setHelperText("The image is " + w + " × " + h + " px");
    field.setValueChangeMode(ValueChangeMode.LAZY);
    field.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        Redaction typed = checked();
        if (typed != null) {
          editor.setBoxes(typed);
        }
      }
    });

    allOfSize = new Checkbox("Apply to all " + (sameSize.size() + 1) + " images of " + w + " × "
        + h + " px");
    allOfSize.setId("redaction-all");
    allOfSize.setVisible(!sameSize.isEmpty());

    Button propose = new Button("Proposal", e -> show(imageCase.proposedRedaction()));
    propose.setId("redaction-propose");
    Button clear = new Button("No boxes", e -> show(Redaction.NONE));
    clear.setId("redaction-clear");
    Button cancel = new Button("Cancel", e -> close());
    this.sameSize = sameSize;
    this.onApply = onApply;
    Button apply = new Button("Apply", e -> apply());
    apply.setId("redaction-apply");
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    propose.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

    add(help, proposal, editor, field, allOfSize);
    getFooter().add(propose, clear, cancel, apply);
  }

  /**
   * "Apply": gives the field's boxes to this image (and to every image of its size when asked)
   * and closes; a bad box is said at the field, and nothing changes.
   */
  void apply() {
    Redaction boxes = checked();
    if (boxes == null) {
      return;
    }
    List<ImageCase> targets = new java.util.ArrayList<>(List.of(imageCase));
    if (allOfSize.getValue()) {
      targets.addAll(sameSize);
    }
    onApply.accept(boxes, targets);
    close();
  }

  private void show(Redaction boxes) {
    editor.setBoxes(boxes);
    field.setValue(boxes.format());
    field.setInvalid(false);
  }

  /** The field's boxes checked against the image, or null with the reason shown at the field. */
  Redaction checked() {
    try {
      Redaction boxes = Redaction.parse(field.getValue())
          .checkedFor(imageCase.image().getWidth(), imageCase.image().getHeight());
      field.setInvalid(false);
      return boxes;
    } catch (IllegalArgumentException e) {
      field.setErrorMessage(e.getMessage());
      field.setInvalid(true);
      return null;
    }
  }

  TextField field() {
    return field;
  }

  RedactionEditor editor() {
    return editor;
  }

  Checkbox allOfSize() {
    return allOfSize;
  }
}
