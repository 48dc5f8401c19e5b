package org.polypseg.web;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.Command;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.polypseg.study.FrameBatch;
import org.polypseg.study.FrameImport;
import org.polypseg.study.StudyException;
import org.polypseg.video.ClipSampling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The study page's ways to bring frames in beside the upload: the images of a folder on the
 * server, and frames sampled from a clip (uploaded, or a file on the server), evenly spaced or
 * every n-th. What is found comes back as frames waiting for the owner to check their text boxes,
 * exactly as uploaded ones do; files that cannot be used are listed with the reason. Reading runs
 * off the UI thread (a clip takes seconds), its result pushed back to the page.
 */
final class StudyFrameSources extends Div {

  private static final Logger log = LoggerFactory.getLogger(StudyFrameSources.class);

  private final FrameImport imports;
  private final String user;
  private final long studyId;
  private final StudyProblem problem;
  private final Consumer<FrameBatch> found;

  private final TextField folder = new TextField("Folder on the server");
  private final Button readFolder = new Button("Read the folder", e -> readFolder());
  // A checkbox and a text field rather than a radio group and a number field: those components
  // are not in the committed production bundle, which would have to be rebuilt for them.
  private final Checkbox everyNth = new Checkbox("Every n-th frame instead of evenly spaced");
  private final TextField amount = new TextField();
  private final TextField clipFile = new TextField("Clip on the server");
  private final Button sampleFile = new Button("Sample the clip", e -> sampleClipFile());
  private final Span status = new Span();
  private final Div skipped = new Div();
  private Executor work = task -> Thread.ofVirtual().name("study-frames").start(task);
  private Consumer<Command> access;

  StudyFrameSources(FrameImport imports, String user, long studyId, StudyProblem problem,
      Consumer<FrameBatch> found) {
    this.imports = imports;
    this.user = user;
    this.studyId = studyId;
    this.problem = problem;
    this.found = found;
    addClassName("study-frame-sources");

    folder.setId("study-folder");
    folder.setPlaceholder("/data/colonoscopy/case-12");
    folder.setHelperText("Its images (PNG, JPEG, TIFF, BMP), at most "
        + FrameImport.MAX_FRAMES_PER_ADD + " a time; subfolders are not read");
    folder.setWidth("min(36rem, 100%)");
    readFolder.setId("study-folder-read");

    everyNth.setId("study-clip-every");
    amount.setId("study-clip-amount");
    amount.setAllowedCharPattern("[0-9]");
    amount.setMaxLength(6);
    amount.setValue("10");
    everyNth.addValueChangeListener(e -> describeAmount());
    describeAmount();

    long maxClip = imports.clipLimits().maxBytes();
    Upload clipUpload = new Upload(Uploads.inMemory(maxClip, (meta, bytes) -> getUI().ifPresent(
        ui -> ui.access(() -> sampleUpload(meta.fileName(), bytes)))));
    clipUpload.setId("study-clip-upload");
    clipUpload.setMaxFiles(1);
    clipUpload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxClip));
    clipUpload.setAcceptedFileTypes("video/mp4", "video/webm", "video/x-msvideo",
        "video/quicktime", "video/x-matroska", ".mp4", ".m4v", ".webm", ".avi", ".mov", ".mkv");
    clipUpload.setDropLabel(new Span("Upload a clip (MP4, WebM, AVI, MOV; "
        + imports.clipLimits().describe() + ")"));
    clipUpload.addFileRejectedListener(e -> problem.show(e.getFileName() + ": "
        + e.getErrorMessage()));
    clipUpload.addAllFinishedListener(e -> clipUpload.clearFileList());
    clipFile.setId("study-clip-file");
    clipFile.setPlaceholder("/data/colonoscopy/case-12.mp4");
    clipFile.setWidth("min(36rem, 100%)");
    sampleFile.setId("study-clip-sample");

    status.setId("study-import-status");
    skipped.setId("study-import-skipped");
    add(new H4("From a folder on the server"), new Div(folder, readFolder),
        new H4("Sampled from a clip"), new Div(amount, everyNth), clipUpload,
        new Div(clipFile, sampleFile), status, skipped);
  }

  private void describeAmount() {
    boolean evenly = !everyNth.getValue();
    amount.setLabel(evenly ? "How many frames, evenly spaced" : "n (every n-th frame)");
    amount.setHelperText(evenly ? "1 to " + FrameImport.MAX_FRAMES_PER_ADD
        : "at most " + FrameImport.MAX_FRAMES_PER_ADD + " frames a time");
  }

  /** Reads the folder named in the field. */
  void readFolder() {
    String path = folder.getValue();
    run("Reading " + path.strip() + " …", () -> imports.fromFolder(user, studyId, path));
  }

  /** Samples the clip on the server named in the field. */
  void sampleClipFile() {
    ClipSampling sampling = sampling();
    if (sampling != null) {
      String path = clipFile.getValue();
      run("Sampling " + path.strip() + " …",
          () -> imports.fromClipFile(user, studyId, path, sampling));
    }
  }

  /** Samples an uploaded clip, the way the fields say. */
  void sampleUpload(String name, byte[] clip) {
    ClipSampling sampling = sampling();
    if (sampling != null) {
      run("Sampling " + name + " …", () -> imports.fromClip(user, studyId, clip, name, sampling));
    }
  }

  private ClipSampling sampling() {
    ClipSampling.Mode mode = everyNth.getValue() ? ClipSampling.Mode.EVERY
        : ClipSampling.Mode.EVENLY;
    int value;
    try {
      value = Integer.parseInt(amount.getValue().strip());
    } catch (NumberFormatException e) {
      problem.show("'" + amount.getValue().strip() + "': choose " + (mode == ClipSampling.Mode.EVERY
          ? "n, the step between frames (1 or more)" : "how many frames to take (1 to "
              + FrameImport.MAX_FRAMES_PER_ADD + ")"));
      return null;
    }
    try {
      return new ClipSampling(mode, value);
    } catch (IllegalArgumentException e) {
      problem.show(e.getMessage());
      return null;
    }
  }

  /** Runs a read off the UI thread; its frames, or the refusal, come back on it. */
  private void run(String what, Supplier<FrameBatch> read) {
    problem.clear();
    skipped.removeAll();
    status.setText(what);
    busy(true);
    Consumer<Command> back = access != null ? access : pageAccess();
    work.execute(() -> {
      FrameBatch batch = null;
      String refusal = null;
      try {
        batch = read.get();
      } catch (StudyException e) {
        refusal = e.getMessage();
      } catch (RuntimeException e) {
        // A bug, not the user's file: logged (without the path, which may name a patient), and
        // the page is not left busy forever.
        log.error("Reading frames for study {} failed", studyId, e);
        refusal = what.replace(" …", "") + " failed unexpectedly (the server's log has the "
            + "details)";
      }
      FrameBatch result = batch;
      String refused = refusal;
      back.accept(() -> {
        busy(false);
        status.setText("");
        if (refused != null) {
          problem.show(refused);
        } else {
          show(result);
        }
      });
    });
  }

  private Consumer<Command> pageAccess() {
    UI ui = UI.getCurrent();
    return command -> ui.access(command);
  }

  private void show(FrameBatch batch) {
    found.accept(batch);
    if (!batch.skipped().isEmpty()) {
      UnorderedList list = new UnorderedList();
      batch.skipped().forEach(s -> list.add(new ListItem(s)));
      Paragraph head = new Paragraph("Skipped from " + batch.source() + ":");
      skipped.add(head, list);
    }
    StudyPages.info(batch.frames().size() + " frame" + (batch.frames().size() == 1 ? "" : "s")
        + " from " + batch.source() + (batch.skipped().isEmpty() ? ""
            : "; " + batch.skipped().size() + " skipped (listed)")
        + ": check their boxes, then add them");
  }

  private void busy(boolean busy) {
    readFolder.setEnabled(!busy);
    sampleFile.setEnabled(!busy);
  }

  /** For tests without a browser: read on the calling thread and apply at once. */
  void runInline() {
    work = Runnable::run;
    access = Command::execute;
  }

  TextField folder() {
    return folder;
  }

  TextField clipFile() {
    return clipFile;
  }

  Checkbox everyNth() {
    return everyNth;
  }

  TextField amount() {
    return amount;
  }

  /** The files skipped by the last read, as listed on the page. */
  String skippedText() {
    return skipped.getElement().getTextRecursively();
  }
}
