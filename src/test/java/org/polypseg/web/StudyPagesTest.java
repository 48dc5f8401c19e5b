package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.data.DataFolder;
import org.polypseg.data.SamplePair;
import org.polypseg.image.Images;
import org.polypseg.segment.MaskEdits;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.study.ExportSource;
import org.polypseg.study.FrameImport;
import org.polypseg.study.MaskImage;
import org.polypseg.study.ModelMasks;
import org.polypseg.study.Study;
import org.polypseg.study.StudyAudit;
import org.polypseg.study.StudyDatabase;
import org.polypseg.study.StudyFrame;
import org.polypseg.study.StudyProperties;
import org.polypseg.study.StudyService;
import org.polypseg.study.StudySettings;
import org.polypseg.testing.HostileFiles;
import org.polypseg.video.VideoLimits;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

/**
 * The study pages without a browser, on an H2 study database: what an owner, two annotators, a
 * second tab and a stranger see and can do. The signed-in user is Spring Security's, as in the app.
 */
class StudyPagesTest {

  static final int W = 40;
  static final int H = 30;

  @TempDir Path temp;

  private final UI ui = new UI();
  private final PolypSegProperties properties =
      new PolypSegProperties(Path.of("models"), "strange", DataSize.ofMegabytes(20), 50);
  private StudyDatabase database;
  private StudyService service;
  private FrameImport imports;

  @BeforeEach
  void open() {
    UI.setCurrent(ui);
    database = StudyDatabase.open(new StudyProperties(true, new StudyProperties.Database(
        "jdbc:h2:file:" + temp.resolve("studies"), "sa", "", 4, Duration.ofSeconds(5))),
        Clock.systemUTC());
    // The model's "mask": the left half of the frame.
    ModelMasks model = image -> rect(0, 0, image.getWidth() / 2, image.getHeight());
    service = new StudyService(database, model, StudyAudit.NONE, n -> !n.equals("nobody"),
        Clock.systemUTC());
    imports = new FrameImport(service, List.of(), true, VideoLimits.DEFAULT);
  }

  @AfterEach
  void close() {
    database.close();
    UI.setCurrent(null);
    SecurityContextHolder.clearContext();
  }

  static void signIn(String user) {
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, "n/a", List.of()));
  }

  static byte[] frame(int seed) {
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(150 + seed * 10, 60, 50));
    g.fillRect(0, 0, W, H);
    g.setColor(Color.WHITE);
    g.fillRect(2, 2, 6, 6); // the burned-in text
    g.dispose();
    return HostileFiles.encode(image, "png");
  }

  static MaskImage rect(int x0, int y0, int x1, int y1) {
    boolean[] p = new boolean[W * H];
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        p[y * W + x] = true;
      }
    }
    return new MaskImage(W, H, p);
  }

  /** The brush strokes that turn what the overlay shows into {@code wanted}, as the page sends. */
  static String strokes(MaskImage shown, MaskImage wanted) {
    return MaskEdits.between(shown.pixels(), wanted.pixels(), W, H).toText();
  }

  /** An owner's study with five uploaded frames, redacted with the boxes the owner set. */
  long studyOfFiveFrames(boolean fromModel) {
    signIn("olivia");
    StudiesView studies = new StudiesView(service);
    studies.titleField().setValue("Flat polyps");
    studies.fromModel().setValue(fromModel);
    Study study = studies.create();
    assertThat(study).isNotNull();
    service.addAnnotator("olivia", study.id(), "anna");
    service.addAnnotator("olivia", study.id(), "bert");
    StudyView page = new StudyView(service, imports, properties);
    page.show(study.id());
    for (int i = 0; i < 5; i++) {
      page.received("patient-jane-doe-" + i + ".png", frame(i));
    }
    assertThat(page.pendingFrames()).hasSize(5);
    page.pendingFrames().forEach(f -> f.boxes().setValue("2,2,6,6"));
    page.addAllPending();
    assertThat(page.problem().message()).isEmpty();
    assertThat(page.pendingFrames()).isEmpty();
    return study.id();
  }

  @Test
  void anOwnerCreatesAStudyFromFiveFramesTwoAnnotatorsAnnotateAndTheOwnerExportsADataFolder()
      throws Exception {
    long id = studyOfFiveFrames(true);
    List<StudyFrame> frames = service.frames("olivia", id);
    assertThat(frames).extracting(StudyFrame::name).containsExactly("frame-0001", "frame-0002",
        "frame-0003", "frame-0004", "frame-0005");
    BufferedImage kept = Images.readRgb(service.frameImage("olivia", id, frames.get(0).id()), "f");
    assertThat(kept.getRGB(3, 3) & 0xffffff).as("the text box is blanked").isZero();
    assertThat(kept.getRGB(20, 20) & 0xffffff).isNotZero();

    // Anna starts from the model's mask (the left half) and corrects it on every frame.
    signIn("anna");
    AnnotateView anna = new AnnotateView(service);
    anna.show(id);
    for (int i = 0; i < 5; i++) {
      assertThat(anna.frame().name()).isEqualTo(frames.get(i).name());
      MaskImage shown = anna.maskOnScreen();
      assertThat(shown).isEqualTo(rect(0, 0, W / 2, H));
      anna.setEdits(strokes(shown, rect(4, 4, 24, 20)));
      anna.unsure().setValue(i == 4);
      anna.save();
      assertThat(anna.problem().message()).isEmpty();
    }
    assertThat(anna.where()).contains("5 of 5 frames saved");
    assertThat(service.mask("anna", id, frames.get(4).id(), "anna").unsure()).isTrue();

    // Bert starts from blank (the owner changed the setting) and says frame 3 has no polyp.
    signIn("olivia");
    service.updateSettings("olivia", id,
        new StudySettings("Flat polyps", StudySettings.StartFrom.BLANK, true));
    signIn("bert");
    AnnotateView bert = new AnnotateView(service);
    bert.show(id);
    for (int i = 0; i < 5; i++) {
      MaskImage shown = bert.maskOnScreen();
      assertThat(shown.any()).as("blank start").isFalse();
      if (i == 2) {
        bert.noPolyp().setValue(true);
      } else {
        bert.setEdits(strokes(shown, rect(6, 4, 26, 22)));
      }
      bert.save();
      assertThat(bert.problem().message()).isEmpty();
    }
    assertThat(service.mask("bert", id, frames.get(2).id(), "bert").noPolyp()).isTrue();
    assertThat(service.mask("bert", id, frames.get(0).id(), "bert").mask())
        .isEqualTo(rect(6, 4, 26, 22));

    signIn("olivia");
    StudyView owner = new StudyView(service, imports, properties);
    owner.show(id);
    owner.showAgreement();
    String table = owner.agreementArea().getElement().getTextRecursively();
    assertThat(table).contains("anna", "bert", "model", "frame-0003", "Sensitivity (STAPLE)");
    assertThat(owner.problem().message()).isEmpty();

    owner.prepareExport(ExportSource.STAPLE);
    assertThat(owner.exportArea().getElement().getTextRecursively())
        .contains("5 frames exported");
    Path folder = unzip(owner.exported(), temp.resolve("export"));
    List<SamplePair> pairs = DataFolder.scan(folder);
    assertThat(pairs).hasSize(5);
    assertThat(Files.readString(folder.resolve("agreement.csv"))).contains("anna", "bert");
  }

  @Test
  void aSecondTabsStaleSaveIsRefusedWithAMessageAndTheKeptMaskIsNotOverwritten() {
    long id = studyOfFiveFrames(false);
    signIn("anna");
    AnnotateView tab1 = new AnnotateView(service);
    tab1.show(id);
    AnnotateView tab2 = new AnnotateView(service);
    tab2.show(id);
    long frame = tab1.frame().id();
    assertThat(tab2.frame().id()).isEqualTo(frame);

    tab1.setEdits(strokes(tab1.maskOnScreen(), rect(0, 0, 10, 10)));
    tab1.save();
    tab2.setEdits(strokes(tab2.maskOnScreen(), rect(20, 20, 30, 30)));
    tab2.save();

    assertThat(tab2.problem().message()).contains("frame-0001", "saved elsewhere meanwhile",
        "Nothing was overwritten");
    assertThat(tab2.frame().id()).as("tab 2 stays on the frame, its strokes kept")
        .isEqualTo(frame);
    assertThat(service.mask("anna", id, frame, "anna").mask()).isEqualTo(rect(0, 0, 10, 10));
    // Reloading the frame in tab 2 continues from the kept mask, and its next save goes through.
    tab2.open(frame);
    assertThat(tab2.problem().message()).isEmpty();
    assertThat(tab2.maskOnScreen()).isEqualTo(rect(0, 0, 10, 10));
    tab2.save();
    assertThat(tab2.problem().message()).isEmpty();
    assertThat(service.mask("anna", id, frame, "anna").version()).isEqualTo(2);
  }

  @Test
  void aStrangerSeesNoStudyAndAnAnnotatorGetsNoOwnersTools() {
    long id = studyOfFiveFrames(false);
    signIn("stan");
    StudiesView list = new StudiesView(service);
    assertThat(list.list().getBody().getChildren().count()).isZero();
    StudyView page = new StudyView(service, imports, properties);
    page.show(id);
    assertThat(page.problem().message()).contains("no study " + id);
    AnnotateView annotate = new AnnotateView(service);
    annotate.show(id);
    assertThat(annotate.problem().message()).contains("no study " + id);

    signIn("anna");
    StudyView annotator = new StudyView(service, imports, properties);
    annotator.show(id);
    assertThat(annotator.problem().message()).isEmpty();
    assertThat(annotator.agreementArea().getParent()).as("no agreement for annotators").isEmpty();
    assertThat(annotator.exportArea().getParent()).isEmpty();
  }

  @Test
  void exportingAStudyWithOneAnnotatorSaysThereIsNoAgreementToCompute() {
    signIn("olivia");
    Study study = service.create("olivia", new StudySettings("Solo", null, true));
    service.addAnnotator("olivia", study.id(), "anna");
    StudyView page = new StudyView(service, imports, properties);
    page.show(study.id());
    page.prepareExport(ExportSource.STAPLE);
    assertThat(page.problem().message()).isNotEmpty();
    assertThat(page.exported()).isNull();
  }

  @Test
  void withTheStudyDatabaseAwayTheStudiesPageSaysWhichAndWhy() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/studies";
    try (StudyDatabase away = StudyDatabase.open(new StudyProperties(true,
        new StudyProperties.Database(url, "polypseg", "", 2, Duration.ofMillis(500))),
        Clock.systemUTC())) {
      signIn("olivia");
      StudiesView page = new StudiesView(new StudyService(away, null, StudyAudit.NONE,
          n -> true, Clock.systemUTC()));
      assertThat(page.getElement().getTextRecursively()).contains(url)
          .contains("polypseg.studies.database.url");
    }
  }

  @Test
  void anOwnerAddsFramesFromAFolderAndFromAClipAndChecksTheirBoxesAsForAnUpload()
      throws Exception {
    signIn("olivia");
    Study study = service.create("olivia", new StudySettings("Archive", null, true));
    StudyView page = new StudyView(service, imports, properties);
    page.show(study.id());
    StudyFrameSources sources = page.sources();
    sources.runInline();

    // A folder that is not there: said on the page, nothing pending.
    sources.folder().setValue(temp.resolve("nowhere").toString());
    sources.readFolder();
    assertThat(page.problem().message()).contains("nowhere: not found on the server");
    assertThat(page.pendingFrames()).isEmpty();

    Path dir = Files.createDirectories(temp.resolve("case-12"));
    Files.write(dir.resolve("patient-jane-doe-1.png"), frame(1));
    Files.write(dir.resolve("patient-jane-doe-2.png"), frame(2));
    Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(frame(3), 40));
    sources.folder().setValue(dir.toString());
    sources.readFolder();
    assertThat(page.problem().message()).isEmpty();
    assertThat(page.pendingFrames()).extracting(StudyView.PendingFrame::name)
        .containsExactly("patient-jane-doe-1.png", "patient-jane-doe-2.png");
    assertThat(sources.skippedText()).contains("cut.png: not a readable PNG image");

    // A clip, every 10th of its 20 frames; then a count out of range is said, not sampled.
    byte[] clip = org.polypseg.video.TestClips.encode(
        org.polypseg.video.TestClips.syntheticFrames(20, W, H),
        org.polypseg.video.VideoFormat.MP4);
    sources.everyNth().setValue(true);
    sources.amount().setValue("10");
    sources.sampleUpload("withdrawal.mp4", clip);
    assertThat(page.pendingFrames()).extracting(StudyView.PendingFrame::name).endsWith(
        "withdrawal.mp4 · frame 1 of 20 · 0.00 s", "withdrawal.mp4 · frame 11 of 20 · 0.40 s");
    sources.everyNth().setValue(false);
    sources.amount().setValue("0");
    sources.sampleUpload("withdrawal.mp4", clip);
    assertThat(page.problem().message())
        .isEqualTo("the number of frames must be at least 1, not 0");
    assertThat(page.pendingFrames()).hasSize(4);

    // The owner checks the boxes of each, as for an upload, and adds them.
    page.pendingFrames().forEach(f -> f.boxes().setValue("2,2,6,6"));
    page.addAllPending();
    assertThat(page.pendingFrames()).isEmpty();
    List<StudyFrame> frames = service.frames("olivia", study.id());
    assertThat(frames).extracting(StudyFrame::name)
        .containsExactly("frame-0001", "frame-0002", "frame-0003", "frame-0004");
    BufferedImage kept = Images.readRgb(service.frameImage("olivia", study.id(),
        frames.get(3).id()), "f");
    assertThat(kept.getRGB(3, 3) & 0xffffff).as("the clip frame's box is blanked").isZero();
  }

  @Test
  void theOwnerDrawsAFramesReferenceFromTheConsensusAndTheAdjudicatedExportUsesIt()
      throws Exception {
    long id = studyOfFiveFrames(false);
    List<StudyFrame> frames = service.frames("olivia", id);
    for (StudyFrame f : frames) {
      service.saveMask("anna", id, f.id(), new org.polypseg.study.MaskSave(0, rect(4, 4, 24, 20),
          false, false));
      service.saveMask("bert", id, f.id(), new org.polypseg.study.MaskSave(0, rect(6, 4, 26, 22),
          false, false));
    }
    signIn("olivia");
    StudyView owner = new StudyView(service, imports, properties);
    owner.show(id);
    owner.showAgreement();
    long first = frames.getFirst().id();
    MaskImage staple = service.frameMasks("olivia", id, first).staple();

    ReferenceEditor editor = owner.drawReference(first, "frame-0001");
    assertThat(editor.starts()).containsExactly("STAPLE consensus", "Majority vote",
        "The model's mask", "Blank");
    assertThat(editor.maskOnScreen()).as("it starts from the consensus").isEqualTo(staple);
    editor.startFrom("Blank");
    assertThat(editor.maskOnScreen().any()).isFalse();
    editor.startFrom("STAPLE consensus");
    MaskImage drawn = rect(10, 8, 30, 26);
    editor.setEdits(strokes(editor.maskOnScreen(), drawn));
    editor.save();
    assertThat(owner.problem().message()).isEmpty();
    assertThat(editor.isOpened()).isFalse();
    assertThat(service.reference("olivia", id, first)).isEqualTo(drawn);
    assertThat(owner.agreementArea().getElement().getTextRecursively())
        .as("the list says the frame is adjudicated").contains("yes");

    // Opened again, it starts from the reference just drawn.
    ReferenceEditor again = owner.drawReference(first, "frame-0001");
    assertThat(again.starts().getFirst()).isEqualTo("The current reference");
    assertThat(again.maskOnScreen()).isEqualTo(drawn);

    owner.prepareExport(ExportSource.ADJUDICATED);
    Path folder = unzip(owner.exported(), temp.resolve("adjudicated"));
    BufferedImage exported = javax.imageio.ImageIO.read(folder.resolve("masks/frame-0001.png")
        .toFile());
    assertThat(exported.getRaster().getSample(20, 15, 0)).as("inside the drawn mask")
        .isEqualTo(255);
    assertThat(exported.getRaster().getSample(5, 5, 0)).as("the consensus, erased").isZero();
    assertThat(Files.readString(folder.resolve("frames.csv")))
        .contains("frame-0001,40,30").contains("adjudicated");

    // An annotator cannot draw it.
    signIn("anna");
    StudyView annotator = new StudyView(service, imports, properties);
    annotator.show(id);
    assertThat(annotator.drawReference(first, "frame-0001")).isNull();
    assertThat(annotator.problem().message()).contains("only the study's owner");
  }

  private static Path unzip(byte[] zip, Path dir) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path target = dir.resolve(e.getName()).normalize();
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      }
    }
    return dir;
  }
}
