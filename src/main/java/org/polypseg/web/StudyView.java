package org.polypseg.web;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polypseg.image.Redaction;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.study.DatasetWriter;
import org.polypseg.study.ExportSource;
import org.polypseg.study.FrameBatch;
import org.polypseg.study.FrameCandidate;
import org.polypseg.study.FrameImport;
import org.polypseg.study.MaskImage;
import org.polypseg.study.Progress;
import org.polypseg.study.SavedMask;
import org.polypseg.study.Study;
import org.polypseg.study.StudyAgreement;
import org.polypseg.study.StudyDeletion;
import org.polypseg.study.StudyFrame;
import org.polypseg.study.StudyRole;
import org.polypseg.study.StudyService;
import org.polypseg.study.StudySettings;
import org.polypseg.study.consensus.AgreementFigures;

/**
 * One study. For its annotators: their progress and the way into their queue. For its owner:
 * annotators, frames (uploaded, read from a folder on the server or sampled from a clip, their
 * burned-in text blanked with boxes the owner checks first), progress per annotator, the agreement
 * table (STAPLE's sensitivity and specificity, Dice against the consensus and each other, the
 * model's column), the frames by disagreement with their masks side by side and adjudication (a
 * mask chosen, or one the owner draws), export as a data folder, and deletion. Every rule (who
 * sees what) is {@link StudyService}'s; this page only shows its answers.
 */
@PermitAll
@Route(value = "studies/:id(\\d+)", layout = MainLayout.class)
@PageTitle("Study · polypseg")
public class StudyView extends Div implements BeforeEnterObserver {

  private final StudyService studies;
  private final FrameImport imports;
  private final StudyProblem problem = new StudyProblem();
  private final PolypSegProperties properties;
  private final String user;
  private long studyId;
  private Study study;
  private byte[] exported;

  private final Div pending = new Div();
  private final List<PendingFrame> pendingFrames = new ArrayList<>();
  private final NativeTable progress =
      StudyPages.table("study-progress", "Annotator", "Saved", "No polyp", "Unsure", "Frames");
  private final Div agreement = new Div();
  private final Div export = new Div();
  private final Span frameCount = new Span();
  private final Span annotatorList = new Span();
  private StudyFrameSources sources;

  /** A frame waiting for its owner to check the boxes that blank its text. */
  record PendingFrame(String name, byte[] bytes, RedactionEditor editor, TextField boxes,
      Div card) {}

  public StudyView(StudyService studies, FrameImport imports, PolypSegProperties properties) {
    this.studies = studies;
    this.imports = imports;
    this.properties = properties;
    this.user = StudyPages.user();
    addClassName("study-view");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    studyId = event.getRouteParameters().getLong("id").orElse(-1L);
    show();
  }

  /** Builds the page for {@code id} (the router calls this; tests too). */
  void show(long id) {
    studyId = id;
    show();
  }

  private void show() {
    removeAll();
    problem.clear();
    add(StudyPages.link("← All studies", "studies"), problem);
    study = problem.attempt(() -> studies.study(user, studyId));
    if (study == null) {
      Paragraph none = new Paragraph("No study " + studyId + " (or you are not in it).");
      none.setId("study-missing");
      add(none);
      return;
    }
    add(new H2(study.settings().title()));
    Paragraph settings = new Paragraph("Owner " + study.owner() + " · annotators start from "
        + (study.settings().startFrom().label().equals("model") ? "the model's mask" : "blank")
        + " · " + (study.settings().blind() ? "blind (annotators see only their own masks)"
            : "not blind"));
    settings.setId("study-settings");
    add(settings);

    if (study.myRoles().contains(StudyRole.ANNOTATOR)) {
      Anchor annotate = StudyPages.link("Annotate my frames", "studies/" + studyId + "/annotate");
      annotate.setId("study-annotate");
      annotate.addClassName("study-action");
      add(new Div(annotate));
    }
    add(new H3("Progress"), progress);
    refreshProgress();
    if (study.myRoles().contains(StudyRole.OWNER)) {
      ownerSections();
    }
  }

  private void ownerSections() {
    // Settings: the owner may switch the start mask or blindness at any time; saved masks stay.
    Checkbox fromModel = new Checkbox("Annotators start from the model's mask",
        study.settings().startFrom() == StudySettings.StartFrom.MODEL);
    fromModel.setId("study-settings-from-model");
    Checkbox blind = new Checkbox("Blind", study.settings().blind());
    blind.setId("study-settings-blind");
    Button saveSettings = new Button("Save settings", e -> {
      Study changed = problem.attempt(() -> studies.updateSettings(user, studyId,
          new StudySettings(study.settings().title(), fromModel.getValue()
              ? StudySettings.StartFrom.MODEL : StudySettings.StartFrom.BLANK,
              blind.getValue())));
      if (changed != null) {
        show();
        StudyPages.info("Settings saved");
      }
    });
    saveSettings.setId("study-settings-save");
    add(new H3("Settings"), new Div(fromModel, blind, saveSettings));

    // Annotators
    TextField annotator = new TextField("Add an annotator (user name)");
    annotator.setId("study-annotator-name");
    Button add = new Button("Add", e -> {
      Study changed = problem.attempt(() -> studies.addAnnotator(user, studyId,
          annotator.getValue().strip()));
      if (changed != null) {
        study = changed;
        annotator.clear();
        refreshMembers();
        refreshProgress();
      }
    });
    add.setId("study-annotator-add");
    annotatorList.setId("study-annotators");
    add(new H3("Annotators"), new Paragraph(annotatorList), new Div(annotator, add));

    // Frames
    frameCount.setId("study-frame-count");
    Upload upload = new Upload(Uploads.inMemory(properties.maxImageSize().toBytes(),
        (meta, bytes) -> getUI().ifPresent(ui -> ui.access(() -> received(meta.fileName(),
            bytes)))));
    upload.setId("study-upload");
    upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/tiff", "image/bmp", ".png",
        ".jpg", ".jpeg", ".tif", ".tiff", ".bmp");
    upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, properties.maxImageSize().toBytes()));
    upload.addFileRejectedListener(e -> problem.show(e.getFileName() + ": "
        + e.getErrorMessage()));
    upload.addAllFinishedListener(e -> upload.clearFileList());
    Button addAll = new Button("Add all with the boxes shown", e -> addAllPending());
    addAll.setId("study-pending-add-all");
    pending.setId("study-pending");
    Paragraph privacy = new Paragraph("Frames enter the study with their burned-in text (patient "
        + "data the endoscope writes into the picture) blanked: check the proposed boxes on each "
        + "frame, change them where needed, then add it. The file's name is not kept; frames are "
        + "known as frame-0001, frame-0002, …");
    sources = new StudyFrameSources(imports, user, studyId, problem, this::received);
    add(new H3("Frames"), new Paragraph(frameCount), privacy, upload, sources, pending, addAll);
    refreshMembers();

    // Agreement, export, deletion
    Button compute = new Button("Show agreement", e -> showAgreement());
    compute.setId("study-agreement-show");
    agreement.setId("study-agreement");
    add(new H3("Agreement and consensus"), compute, agreement);

    export.setId("study-export");
    Div exportButtons = new Div();
    for (ExportSource source : ExportSource.values()) {
      Button b = new Button("Export (" + source.label() + " masks)", e -> prepareExport(source));
      b.setId("study-export-" + source.label());
      exportButtons.add(b);
    }
    add(new H3("Export as a data folder"), new Paragraph("A ZIP with images/ and masks/ (as train "
        + "and evaluate read them) and the agreement as CSV and JSON. STAPLE: the consensus; "
        + "majority: the majority vote; adjudicated: your reference where you chose one, STAPLE "
        + "elsewhere."), exportButtons, export);

    Button delete = new Button("Delete study…", e -> confirmDelete());
    delete.setId("study-delete");
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
    add(new H3("Delete"), delete);
  }

  private void refreshMembers() {
    annotatorList.setText(study.annotators().isEmpty() ? "None yet."
        : String.join(", ", study.annotators()));
    frameCount.setText(study.frames() + " frame" + (study.frames() == 1 ? "" : "s")
        + " in the study.");
  }

  private void refreshProgress() {
    progress.getBody().removeAllRows();
    List<Progress> rows = problem.attempt(() -> studies.progress(user, studyId));
    if (rows == null) {
      return;
    }
    for (Progress p : rows) {
      StudyPages.row(progress, p.annotator(), Integer.toString(p.saved()),
          Integer.toString(p.noPolyp()), Integer.toString(p.unsure()),
          Integer.toString(p.frames()));
    }
  }

  // ---- frames

  /** An upload arrived: show it with the proposed boxes for the owner to check. */
  void received(String name, byte[] bytes) {
    Redaction proposal = problem.attempt(() -> studies.proposeRedaction(user, studyId, bytes,
        name));
    if (proposal == null) {
      return;
    }
    BufferedImage image = StudyPages.decode(bytes, name);
    pend(new FrameCandidate(name, bytes, image.getWidth(), image.getHeight(), proposal));
  }

  /** Frames read from a folder or sampled from a clip: each waits as an upload does. */
  void received(FrameBatch batch) {
    batch.frames().forEach(this::pend);
  }

  private void pend(FrameCandidate candidate) {
    String name = candidate.label();
    byte[] bytes = candidate.image();
    Redaction proposal = candidate.proposal();
    RedactionEditor editor = new RedactionEditor();
    editor.setImage(Downloads.inlinePngBytes("unredacted.png", () -> bytes), candidate.width(),
        candidate.height());
    editor.setBoxes(proposal);
    editor.setWidth("min(32rem, 90vw)");
    TextField boxes = new TextField("Boxes to blank (x,y,w,h; ';' between boxes)");
    boxes.setValue(proposal.format());
    boxes.setWidthFull();
    editor.addBoxesChangedListener(e -> boxes.setValue(e.getValue()));
    boxes.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        try {
          editor.setBoxes(Redaction.parse(e.getValue()));
          boxes.setInvalid(false);
        } catch (IllegalArgumentException bad) {
          boxes.setErrorMessage(bad.getMessage());
          boxes.setInvalid(true);
        }
      }
    });
    Div card = new Div();
    card.addClassName("study-pending-frame");
    PendingFrame frame = new PendingFrame(name, bytes, editor, boxes, card);
    Button add = new Button("Blank the boxes and add", e -> addPending(frame));
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button discard = new Button("Discard", e -> remove(frame));
    card.add(new Paragraph(name + " · " + candidate.width() + " × " + candidate.height() + " px"),
        editor, boxes, add, discard);
    pendingFrames.add(frame);
    pending.add(card);
  }

  private boolean addPending(PendingFrame frame) {
    Redaction boxes;
    try {
      boxes = Redaction.parse(frame.boxes().getValue());
    } catch (IllegalArgumentException e) {
      problem.show(frame.name() + ": " + e.getMessage());
      return false;
    }
    // Pressing "add" with the boxes on screen is the owner's confirmation that they cover the text.
    StudyFrame added = problem.attempt(() -> studies.addFrame(user, studyId, frame.bytes(),
        frame.name(), boxes, true));
    if (added == null) {
      return false;
    }
    remove(frame);
    study = problem.attempt(() -> studies.study(user, studyId));
    refreshMembers();
    refreshProgress();
    return true;
  }

  void addAllPending() {
    int added = 0;
    for (PendingFrame frame : List.copyOf(pendingFrames)) {
      if (addPending(frame)) {
        added++;
      }
    }
    if (added > 0) {
      StudyPages.info(added + " frame" + (added == 1 ? "" : "s") + " added");
    }
  }

  private void remove(PendingFrame frame) {
    pendingFrames.remove(frame);
    pending.remove(frame.card());
  }

  List<PendingFrame> pendingFrames() {
    return List.copyOf(pendingFrames);
  }

  // ---- agreement

  void showAgreement() {
    agreement.removeAll();
    StudyAgreement a = problem.attempt(() -> studies.agreement(user, studyId));
    if (a == null) {
      return;
    }
    AgreementFigures f = a.figures();
    NativeTable table = StudyPages.table("study-agreement-table", "Annotator",
        "Sensitivity (STAPLE)", "Specificity (STAPLE)", "Dice vs consensus",
        "Mean Dice vs others");
    for (String r : f.raters()) {
      StudyPages.row(table, r, StudyPages.figure(f.sensitivity().get(r)),
          StudyPages.figure(f.specificity().get(r)),
          StudyPages.figure(f.consensusDice() == null ? null : f.consensusDice().get(r)),
          StudyPages.figure(f.meanDice().get(r)));
    }
    StudyPages.row(table, "model", "–", "–", StudyPages.figure(a.modelDice()), "–");
    NativeTable pairs = StudyPages.table("study-pairwise-table", "Pair", "Dice");
    for (AgreementFigures.PairDice p : f.pairwiseDice()) {
      StudyPages.row(pairs, String.join(" – ", p.raters()), StudyPages.figure(p.dice()));
    }
    Paragraph basis = new Paragraph(f.frames() + " frame" + (f.frames() == 1 ? "" : "s")
        + " saved by every annotator" + (a.framesLeftOut().isEmpty() ? ""
            : "; not yet by all: " + String.join(", ", a.framesLeftOut())) + ".");
    NativeTable frames = StudyPages.table("study-disagreement-table", "Frame",
        "Disagreement (1 − mean Dice)", "Unsure", "No polyp", "Adjudicated", "");
    for (StudyAgreement.FrameAgreement fa : a.framesByDisagreement()) {
      NativeTableRow row = frames.getBody().addRow();
      row.addDataCell().setText(fa.frame());
      row.addDataCell().setText(String.format(Locale.ROOT, "%.3f", fa.disagreement()));
      row.addDataCell().setText(Integer.toString(fa.unsure()));
      row.addDataCell().setText(Integer.toString(fa.noPolyp()));
      row.addDataCell().setText(fa.adjudicated() ? "yes" : "no");
      Button masks = new Button("Masks…", e -> openMasks(fa.frameId(), fa.frame()));
      masks.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      row.addDataCell().add(masks);
    }
    agreement.add(table, pairs, basis, new H3("Frames by disagreement"), frames);
  }

  /**
   * A frame's masks side by side: each annotator's, the STAPLE consensus and the majority vote,
   * the model's and the current reference; the owner makes any of them the frame's reference.
   */
  void openMasks(long frameId, String frameName) {
    byte[] png = problem.attempt(() -> studies.frameImage(user, studyId, frameId));
    if (png == null) {
      return;
    }
    BufferedImage frame = StudyPages.decode(png, frameName);
    StudyService.FrameMasks derived = problem.attempt(() -> studies.frameMasks(user, studyId, frameId));
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(frameName + " · masks side by side");
    dialog.setId("study-masks-dialog");
    Div row = new Div();
    row.addClassName("study-masks");
    for (String annotator : study.annotators()) {
      SavedMask saved = problem.attempt(() -> studies.mask(user, studyId, frameId, annotator));
      String label = annotator + (saved == null ? " (not saved)" : saved.noPolyp() ? " (no polyp)"
          : "") + (saved != null && saved.unsure() ? " (unsure)" : "");
      row.add(maskCell(dialog, frame, frameId, frameName, annotator, label,
          saved == null ? null : saved.mask(), true));
    }
    if (derived != null) {
      row.add(maskCell(dialog, frame, frameId, frameName, "staple", derived.staple() == null
          ? "STAPLE consensus (once every annotator saved)" : "STAPLE consensus", derived.staple(),
          true));
      row.add(maskCell(dialog, frame, frameId, frameName, "majority", derived.majority() == null
          ? "Majority vote (once every annotator saved)" : "Majority vote", derived.majority(),
          true));
      if (derived.model() != null) {
        row.add(maskCell(dialog, frame, frameId, frameName, "model", "The model's mask",
            derived.model(), true));
      }
      if (derived.reference() != null) {
        row.add(maskCell(dialog, frame, frameId, frameName, "reference",
            "The reference (adjudicated)", derived.reference(), false));
      }
    }
    dialog.add(row);
    Button draw = new Button("Draw the reference…", e -> {
      dialog.close();
      drawReference(frameId, frameName, frame, derived);
    });
    draw.setId("study-draw-reference");
    dialog.getFooter().add(draw, new Button("Close", e -> dialog.close()));
    dialog.open();
  }

  /**
   * Opens the frame in the mask editor for the owner to draw its reference, starting from the
   * current reference or the consensus (or the majority vote, the model's mask, blank).
   */
  ReferenceEditor drawReference(long frameId, String frameName) {
    byte[] png = problem.attempt(() -> studies.frameImage(user, studyId, frameId));
    StudyService.FrameMasks derived = png == null ? null
        : problem.attempt(() -> studies.frameMasks(user, studyId, frameId));
    if (derived == null) {
      return null;
    }
    return drawReference(frameId, frameName, StudyPages.decode(png, frameName), derived);
  }

  private ReferenceEditor drawReference(long frameId, String frameName, BufferedImage frame,
      StudyService.FrameMasks derived) {
    ReferenceEditor editor = new ReferenceEditor(frameName, frame.getWidth(), frame.getHeight(),
        () -> studies.frameImage(user, studyId, frameId), derived,
        mask -> adjudicate(frameId, frameName, "the reference you drew", mask), problem);
    editor.open();
    return editor;
  }

  /** Makes {@code mask} the frame's reference; true when it is. */
  private boolean adjudicate(long frameId, String frameName, String what, MaskImage mask) {
    if (!problem.attempt(() -> studies.adjudicate(user, studyId, frameId, mask))) {
      return false;
    }
    StudyPages.info(frameName + ": " + what + " is now the reference");
    showAgreement();
    return true;
  }

  /**
   * One mask of the side-by-side dialog, over the frame; with {@code choosable}, and a mask, a
   * "Make this the reference" button.
   */
  private Div maskCell(Dialog dialog, BufferedImage frame, long frameId, String frameName,
      String key, String label, MaskImage mask, boolean choosable) {
    Div cell = new Div();
    cell.addClassName("study-mask");
    Image picture = new Image(Downloads.png(frameName + "-" + key + ".png",
        () -> StudyPages.tinted(frame, mask)), frameName + ", " + label);
    picture.setWidth("16rem");
    cell.add(picture, new Paragraph(label));
    if (mask != null && choosable) {
      Button reference = new Button("Make this the reference", e -> {
        if (adjudicate(frameId, frameName, label, mask)) {
          dialog.close();
        }
      });
      reference.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      cell.add(reference);
    }
    return cell;
  }

  // ---- export and delete

  /** Writes the export now; a refusal (empty study, one annotator) is said at once. */
  void prepareExport(ExportSource source) {
    export.removeAll();
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    StudyService.ExportSummary summary = problem.attempt(() -> studies.export(user, studyId,
        source, DatasetWriter.zip(zip)));
    if (summary == null) {
      return;
    }
    byte[] bytes = zip.toByteArray();
    exported = bytes;
    String fileName = "study-" + studyId + "-" + source.label() + ".zip";
    DownloadHandler handler = event -> {
      event.setFileName(fileName);
      event.setContentType("application/zip");
      event.setContentLength(bytes.length);
      event.getOutputStream().write(bytes);
    };
    Anchor link = Downloads.button("Download " + fileName, handler);
    link.setId("study-export-download");
    Paragraph what = new Paragraph(summary.frames() + " frame" + (summary.frames() == 1 ? ""
        : "s") + " exported" + (summary.adjudicated() > 0 ? " (" + summary.adjudicated()
            + " adjudicated)" : "") + (summary.framesLeftOut().isEmpty() ? ""
            : "; left out (not saved by every annotator): "
                + String.join(", ", summary.framesLeftOut())) + ".");
    what.setId("study-export-summary");
    export.add(what, link);
  }

  private void confirmDelete() {
    Dialog confirm = new Dialog();
    confirm.setId("study-delete-dialog");
    confirm.setHeaderTitle("Delete \"" + study.settings().title() + "\"?");
    confirm.add(new Paragraph("Every frame, mask and reference of this study is deleted from "
        + "the database. This cannot be undone; export first if you need the data."));
    Button yes = new Button("Delete", e -> {
      confirm.close();
      delete();
    });
    yes.setId("study-delete-confirm");
    yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    confirm.getFooter().add(new Button("Cancel", e -> confirm.close()), yes);
    confirm.open();
  }

  void delete() {
    StudyDeletion deleted = problem.attempt(() -> studies.delete(user, studyId));
    if (deleted != null) {
      StudyPages.info(String.format(Locale.ROOT, "Deleted: %d frames, %d masks, %d references",
          deleted.frames(), deleted.masks(), deleted.references()));
      UI.getCurrent().navigate(StudiesView.class);
    }
  }

  StudyProblem problem() {
    return problem;
  }

  /** The folder and clip controls (owner only; null until the page is shown to the owner). */
  StudyFrameSources sources() {
    return sources;
  }

  /** The ZIP the last export offered, or null. */
  byte[] exported() {
    return exported;
  }

  Div exportArea() {
    return export;
  }

  Div agreementArea() {
    return agreement;
  }
}
