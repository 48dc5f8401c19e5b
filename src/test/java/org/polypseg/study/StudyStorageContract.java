package org.polypseg.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.data.DataFolder;
import org.polypseg.data.SamplePair;
import org.polypseg.image.Images;
import org.polypseg.image.Masks;
import org.polypseg.image.Redaction;
import org.polypseg.study.consensus.Agreement;
import org.polypseg.testing.HostileFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a study keeps, on any database: run by {@link H2StudyStorageTest} (the default, an H2 file)
 * and {@link PostgresStudyStorageTest} (a real PostgreSQL server).
 */
abstract class StudyStorageContract {

  static final String OWNER = "olivia";
  static final String ANN_A = "anna";
  static final String ANN_B = "bert";
  static final String STRANGER = "stan";
  static final int W = 40;
  static final int H = 30;

  @TempDir Path temp;

  StudyProperties properties;
  StudyDatabase database;
  StudyService service;
  final List<StudyAudit.Event> audited = java.util.Collections.synchronizedList(new ArrayList<>());

  /** A fresh database of the kind under test. */
  abstract StudyProperties newDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    properties = newDatabase();
    reopen();
  }

  void reopen() {
    database = StudyDatabase.open(properties, Clock.systemUTC());
    assertThat(database.unavailableReason()).isNull();
    // The model's "mask": the left half of the frame.
    ModelMasks model = image -> {
      boolean[] p = new boolean[image.getWidth() * image.getHeight()];
      for (int i = 0; i < p.length; i++) {
        p[i] = i % image.getWidth() < image.getWidth() / 2;
      }
      return new MaskImage(image.getWidth(), image.getHeight(), p);
    };
    service = new StudyService(database, model, audited::add, name -> !name.equals("nobody"),
        Clock.systemUTC());
  }

  @AfterEach
  void close() {
    database.close();
  }

  // ---- helpers

  static byte[] frame(int seed) {
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(150 + seed * 10 % 100, 60, 50));
    g.fillRect(0, 0, W, H);
    g.setColor(Color.WHITE);
    g.fillRect(2, 2, 6, 6); // the "burned-in text"
    g.dispose();
    return HostileFiles.encode(image, "png");
  }

  /** A rectangle mask. */
  static MaskImage rect(int x0, int y0, int x1, int y1) {
    boolean[] p = new boolean[W * H];
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        p[y * W + x] = true;
      }
    }
    return new MaskImage(W, H, p);
  }

  long studyWith(StudySettings settings, int frames, String... annotators) {
    long id = service.create(OWNER, settings).id();
    for (String a : annotators) {
      service.addAnnotator(OWNER, id, a);
    }
    for (int i = 0; i < frames; i++) {
      service.addFrame(OWNER, id, frame(i), "patient-jane-doe-" + i + ".png",
          Redaction.parse("2,2,6,6"), true);
    }
    return id;
  }

  long blindStudy(int frames) {
    return studyWith(new StudySettings("Flat polyps", StudySettings.StartFrom.MODEL, true), frames,
        ANN_A, ANN_B);
  }

  SavedMask save(String user, long study, long frame, int base, MaskImage mask) {
    return service.saveMask(user, study, frame, new MaskSave(base, mask, false, false));
  }

  // ---- frames and privacy

  @Test
  void framesAreRedactedAndKnownByNumberOnlyNeverByTheirFileName() throws Exception {
    long id = service.create(OWNER, new StudySettings("Privacy", null, true)).id();
    byte[] withText = HostileFiles.withTextChunk(frame(1), "Comment", "patient-jane-doe");
    assertThatThrownBy(() -> service.addFrame(OWNER, id, withText, "patient-jane-doe.png",
        Redaction.parse("2,2,6,6"), false))
        .isInstanceOf(StudyInputException.class).hasMessageContaining("confirmed");
    assertThatThrownBy(() -> service.addFrame(OWNER, id, withText, "patient-jane-doe.png",
        Redaction.parse("35,2,10,6"), true))
        .isInstanceOf(StudyInputException.class).hasMessageContaining("outside the image");
    assertThat(service.frames(OWNER, id)).isEmpty();

    StudyFrame frame = service.addFrame(OWNER, id, withText, "patient-jane-doe.png",
        Redaction.parse("2,2,6,6"), true);
    assertThat(frame.name()).isEqualTo("frame-0001");
    byte[] stored = service.frameImage(OWNER, id, frame.id());
    BufferedImage image = Images.readRgb(stored, "stored");
    assertThat(image.getRGB(4, 4) & 0xffffff).as("the text box is blanked").isZero();
    assertThat(image.getRGB(20, 20) & 0xffffff).isNotZero();
    assertThat(HostileFiles.pngChunks(stored)).doesNotContain("tEXt", "iTXt", "zTXt");
    assertThat(allStoredText()).doesNotContain("patient-jane-doe");
  }

  @Test
  void framesFromAFolderAndAClipKeepNoNameEitherAndEnterOnlyRedacted() throws Exception {
    long id = service.create(OWNER, new StudySettings("From the archive", null, true)).id();
    Path folder = Files.createDirectories(temp.resolve("patient-jane-doe"));
    for (int i = 0; i < 2; i++) {
      Files.write(folder.resolve("patient-jane-doe-" + i + ".png"), HostileFiles.withTextChunk(
          frame(i), "Comment", "patient-jane-doe"));
    }
    FrameImport imports = new FrameImport(service, List.of(), true,
        org.polypseg.video.VideoLimits.DEFAULT);
    FrameBatch fromFolder = imports.fromFolder(OWNER, id, folder.toString());
    byte[] clip = org.polypseg.video.TestClips.encode(
        org.polypseg.video.TestClips.syntheticFrames(12, W, H), org.polypseg.video.VideoFormat.MP4);
    FrameBatch fromClip = imports.fromClip(OWNER, id, clip, "patient-jane-doe.mp4",
        org.polypseg.video.ClipSampling.every(6));
    assertThat(fromFolder.frames()).hasSize(2);
    assertThat(fromClip.frames()).hasSize(2);

    List<FrameCandidate> all = new ArrayList<>(fromFolder.frames());
    all.addAll(fromClip.frames());
    for (FrameCandidate c : all) {
      assertThat(c.label()).contains("patient-jane-doe");
      service.addFrame(OWNER, id, c.image(), c.label(), Redaction.parse("2,2,6,6"), true);
    }
    assertThat(service.frames(OWNER, id)).extracting(StudyFrame::name)
        .containsExactly("frame-0001", "frame-0002", "frame-0003", "frame-0004");
    BufferedImage first = Images.readRgb(service.frameImage(OWNER, id,
        service.frames(OWNER, id).getFirst().id()), "stored");
    assertThat(first.getRGB(4, 4) & 0xffffff).as("the text box is blanked").isZero();
    assertThat(allStoredText()).doesNotContain("jane-doe");
    assertThat(audited).extracting(StudyAudit.Event::action)
        .contains("frames-from-folder", "frames-from-clip");
    assertThat(audited).as("the audit names no file either")
        .noneMatch(e -> e.item().contains("jane"));
  }

  /** Every value of every study table as text (pictures decoded as Latin-1). */
  String allStoredText() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
      for (String table : List.of("study", "study_member", "study_frame", "frame_mask",
          "reference_mask")) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              Object v = rs.getObject(i);
              all.append(v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : v)
                  .append('|');
            }
          }
        }
      }
    }
    return all.toString();
  }

  // ---- nothing lost

  @Test
  void twoAnnotatorsSavingTheSameFrameAtOnceBothKeepTheirOwnMask() throws Exception {
    long id = blindStudy(1);
    long frame = service.frames(OWNER, id).getFirst().id();
    MaskImage a = rect(0, 0, 20, 15);
    MaskImage b = rect(10, 10, 40, 30);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<SavedMask> fa = pool.submit(() -> {
        together.await();
        return save(ANN_A, id, frame, 0, a);
      });
      Future<SavedMask> fb = pool.submit(() -> {
        together.await();
        return save(ANN_B, id, frame, 0, b);
      });
      assertThat(fa.get().version()).isEqualTo(1);
      assertThat(fb.get().version()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(service.mask(ANN_A, id, frame, ANN_A).mask()).isEqualTo(a);
    assertThat(service.mask(ANN_B, id, frame, ANN_B).mask()).isEqualTo(b);
  }

  @Test
  void aStaleSecondSaveOfTheSamePersonIsAConflictNeverASilentOverwrite() {
    long id = blindStudy(1);
    long frame = service.frames(OWNER, id).getFirst().id();
    SavedMask first = save(ANN_A, id, frame, 0, rect(0, 0, 10, 10));
    // Tab 1 and tab 2 both loaded version 1; tab 1 saves, then tab 2.
    SavedMask tab1 = save(ANN_A, id, frame, first.version(), rect(0, 0, 20, 20));
    assertThat(tab1.version()).isEqualTo(2);
    assertThatThrownBy(() -> save(ANN_A, id, frame, first.version(), rect(5, 5, 6, 6)))
        .isInstanceOfSatisfying(MaskConflictException.class,
            e -> assertThat(e.currentVersion()).isEqualTo(2))
        .hasMessageContaining("Nothing was overwritten");
    // Two first saves from two tabs: the second is a conflict too.
    assertThatThrownBy(() -> save(ANN_A, id, frame, 0, rect(5, 5, 6, 6)))
        .isInstanceOf(MaskConflictException.class);
    SavedMask kept = service.mask(ANN_A, id, frame, ANN_A);
    assertThat(kept.version()).isEqualTo(2);
    assertThat(kept.mask()).isEqualTo(rect(0, 0, 20, 20));
  }

  @Test
  void twoTabsSavingAtOnceFromTheSameVersionOneWinsTheOtherIsTold() throws Exception {
    long id = blindStudy(1);
    long frame = service.frames(OWNER, id).getFirst().id();
    save(ANN_A, id, frame, 0, rect(0, 0, 10, 10));
    CyclicBarrier together = new CyclicBarrier(2);
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> saves = new ArrayList<>();
    try {
      for (int t = 0; t < 2; t++) {
        int x = t * 10;
        saves.add(pool.submit((Callable<Integer>) () -> {
          together.await();
          try {
            return save(ANN_A, id, frame, 1, rect(x, 0, x + 5, 5)).version();
          } catch (MaskConflictException e) {
            conflicts.incrementAndGet();
            return -1;
          }
        }));
      }
      List<Integer> versions = new ArrayList<>();
      for (Future<Integer> f : saves) {
        versions.add(f.get());
      }
      assertThat(versions).containsExactlyInAnyOrder(2, -1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(conflicts).hasValue(1);
    assertThat(service.mask(ANN_A, id, frame, ANN_A).version()).isEqualTo(2);
  }

  @Test
  void savedMasksFlagsAndVersionsSurviveARestart() {
    long id = blindStudy(2);
    List<StudyFrame> frames = service.frames(OWNER, id);
    save(ANN_A, id, frames.get(0).id(), 0, rect(0, 0, 10, 10));
    service.saveMask(ANN_B, id, frames.get(1).id(),
        new MaskSave(0, MaskImage.blank(W, H), true, true));
    service.adjudicate(OWNER, id, frames.get(0).id(), rect(1, 1, 9, 9));

    database.close();
    reopen();

    assertThat(service.mask(ANN_A, id, frames.get(0).id(), ANN_A).mask())
        .isEqualTo(rect(0, 0, 10, 10));
    SavedMask none = service.mask(ANN_B, id, frames.get(1).id(), ANN_B);
    assertThat(none.noPolyp()).isTrue();
    assertThat(none.unsure()).isTrue();
    assertThat(none.version()).isEqualTo(1);
    assertThat(service.reference(OWNER, id, frames.get(0).id())).isEqualTo(rect(1, 1, 9, 9));
    AnnotatorQueue queue = service.queue(ANN_A, id);
    assertThat(queue.done()).isEqualTo(1);
    assertThat(queue.next()).as("resumes at the first frame not saved")
        .isEqualTo(frames.get(1).id());
  }

  @Test
  void noPolypWithPolypPixelsAndAMaskOfAnotherSizeAreRefused() {
    long id = blindStudy(1);
    long frame = service.frames(OWNER, id).getFirst().id();
    assertThatThrownBy(() -> service.saveMask(ANN_A, id, frame,
        new MaskSave(0, rect(0, 0, 3, 3), true, false)))
        .isInstanceOf(StudyInputException.class).hasMessageContaining("no polyp");
    assertThatThrownBy(() -> save(ANN_A, id, frame, 0, MaskImage.blank(W + 1, H)))
        .isInstanceOf(StudyInputException.class).hasMessageContaining("41×30");
  }

  // ---- who sees what

  @Test
  void anAnnotatorOfABlindStudyCannotReadAnothersMaskAndAStrangerCannotSeeTheStudy() {
    long id = blindStudy(1);
    long frame = service.frames(OWNER, id).getFirst().id();
    save(ANN_A, id, frame, 0, rect(0, 0, 10, 10));
    save(ANN_B, id, frame, 0, rect(0, 0, 12, 12));

    assertThatThrownBy(() -> service.mask(ANN_B, id, frame, ANN_A))
        .isInstanceOf(StudyAccessDeniedException.class).hasMessageContaining("blind");
    assertThat(service.mask(OWNER, id, frame, ANN_A).mask()).isEqualTo(rect(0, 0, 10, 10));
    assertThatThrownBy(() -> service.agreement(ANN_A, id))
        .isInstanceOf(StudyAccessDeniedException.class);
    assertThatThrownBy(() -> service.delete(ANN_A, id))
        .isInstanceOf(StudyAccessDeniedException.class);
    assertThat(service.progress(ANN_A, id)).extracting(Progress::annotator)
        .containsExactly(ANN_A);
    assertThat(service.progress(OWNER, id)).extracting(Progress::annotator)
        .containsExactly(ANN_A, ANN_B);

    assertThat(service.studies(STRANGER)).isEmpty();
    assertThat(service.studies(ANN_B)).extracting(Study::id).containsExactly(id);
    assertThatThrownBy(() -> service.study(STRANGER, id))
        .isInstanceOf(StudyNotFoundException.class);
    assertThatThrownBy(() -> service.frameImage(STRANGER, id, frame))
        .isInstanceOf(StudyNotFoundException.class);
    assertThatThrownBy(() -> service.mask(STRANGER, id, frame, ANN_A))
        .isInstanceOf(StudyNotFoundException.class);
    assertThatThrownBy(() -> save(STRANGER, id, frame, 0, rect(0, 0, 1, 1)))
        .isInstanceOf(StudyNotFoundException.class);
    assertThatThrownBy(() -> service.studies(null))
        .isInstanceOf(StudyAccessDeniedException.class).hasMessageContaining("login");

    service.updateSettings(OWNER, id, new StudySettings("Flat polyps",
        StudySettings.StartFrom.MODEL, false));
    assertThat(service.mask(ANN_B, id, frame, ANN_A).mask()).isEqualTo(rect(0, 0, 10, 10));
    assertThat(audited).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("read-mask");
      assertThat(e.outcome()).isEqualTo("denied");
      assertThat(e.user()).isEqualTo(ANN_B);
    });
    assertThat(audited).anySatisfy(e -> assertThat(e.outcome()).isEqualTo("not-found"));
  }

  @Test
  void annotatorsStartFromTheModelsMaskOrBlankAsTheOwnerChose() {
    long id = blindStudy(1);
    long frame = service.frames(OWNER, id).getFirst().id();
    assertThat(service.startMask(ANN_A, id, frame).any()).isTrue();
    service.updateSettings(OWNER, id, new StudySettings("Flat polyps",
        StudySettings.StartFrom.BLANK, true));
    assertThat(service.startMask(ANN_A, id, frame).any()).isFalse();
    assertThatThrownBy(() -> service.addAnnotator(OWNER, id, "nobody"))
        .isInstanceOf(StudyInputException.class).hasMessageContaining("not a user");
  }

  // ---- agreement, adjudication, export

  @Test
  void theAgreementHasEveryAnnotatorTheModelsColumnAndTheFramesByDisagreement() {
    long id = blindStudy(3);
    List<StudyFrame> frames = service.frames(OWNER, id);
    save(ANN_A, id, frames.get(0).id(), 0, rect(0, 0, 20, 30)); // = the model's left half
    save(ANN_B, id, frames.get(0).id(), 0, rect(0, 0, 20, 30));
    save(ANN_A, id, frames.get(1).id(), 0, rect(0, 0, 10, 10));
    save(ANN_B, id, frames.get(1).id(), 0, rect(20, 20, 40, 30));
    save(ANN_A, id, frames.get(2).id(), 0, rect(0, 0, 10, 10)); // B has not saved frame 3

    StudyAgreement agreement = service.agreement(OWNER, id);
    assertThat(agreement.figures().raters()).containsExactly(ANN_A, ANN_B);
    assertThat(agreement.figures().frames()).isEqualTo(2);
    assertThat(agreement.framesLeftOut()).containsExactly("frame-0003");
    assertThat(agreement.framesByDisagreement()).extracting(StudyAgreement.FrameAgreement::frame)
        .containsExactly("frame-0002", "frame-0001");
    assertThat(agreement.framesByDisagreement().getLast().disagreement()).isZero();
    assertThat(agreement.modelDice()).isNotNull().isBetween(0.0, 1.0);
    assertThat(agreement.modelFrames()).isEqualTo(2);
    assertThat(agreement.figures().consensusDice()).containsKeys(ANN_A, ANN_B);
  }

  @Test
  void aStudyWithOneAnnotatorHasNoAgreementAndSaysSo() {
    long id = studyWith(new StudySettings("Solo", null, true), 1, ANN_A);
    save(ANN_A, id, service.frames(OWNER, id).getFirst().id(), 0, rect(0, 0, 5, 5));
    assertThatThrownBy(() -> service.agreement(OWNER, id))
        .isInstanceOf(StudyInputException.class)
        .hasMessageContaining("one annotator (anna)").hasMessageContaining("at least two");
  }

  @Test
  void anEmptyStudyHasNothingToExportAndNothingIsWritten() throws Exception {
    long id = studyWith(new StudySettings("Empty", null, true), 0, ANN_A, ANN_B);
    Path out = temp.resolve("export");
    assertThatThrownBy(() -> service.export(OWNER, id, ExportSource.STAPLE,
        DatasetWriter.folder(out)))
        .isInstanceOf(StudyInputException.class).hasMessageContaining("no frames");
    assertThat(out).doesNotExist();
    try (var left = Files.list(temp)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".export"));
    }
  }

  @Test
  void theExportIsADataFolderThatDataFolderReadsWithTheConsensusOrTheAdjudicatedMasks()
      throws Exception {
    long id = blindStudy(3);
    List<StudyFrame> frames = service.frames(OWNER, id);
    for (StudyFrame f : frames) {
      save(ANN_A, id, f.id(), 0, rect(0, 0, 20, 20));
      save(ANN_B, id, f.id(), 0, rect(0, 0, 20, 24));
    }
    service.adjudicate(OWNER, id, frames.get(1).id(), rect(5, 5, 15, 15));

    Path staple = temp.resolve("staple");
    StudyService.ExportSummary summary =
        service.export(OWNER, id, ExportSource.STAPLE, DatasetWriter.folder(staple));
    assertThat(summary.frames()).isEqualTo(3);
    List<SamplePair> pairs = DataFolder.scan(staple);
    assertThat(pairs).extracting(SamplePair::name)
        .containsExactly("frame-0001", "frame-0002", "frame-0003");
    boolean[] mask = Masks.truth(Images.readRgb(pairs.get(1).mask()), "mask");
    boolean[][] raters = {rect(0, 0, 20, 20).pixels(), rect(0, 0, 20, 24).pixels()};
    assertThat(Agreement.dice(mask, raters[0])).isGreaterThan(0.8);
    assertThat(Files.readString(staple.resolve("agreement.csv")))
        .startsWith("rater,sensitivity,specificity,meanDice,consensusDice,frames\n")
        .contains("\nanna,").contains("\nbert,").contains("\nmodel,");
    JsonNode json = JsonMapper.builder().build().readTree(staple.resolve("agreement.json")
        .toFile());
    assertThat(json.get("masks").asString()).isEqualTo("staple");
    assertThat(json.get("agreement").get("figures").get("raters").size()).isEqualTo(2);
    assertThat(Files.readString(staple.resolve("frames.csv"))).contains("frame-0002,40,30,");

    Path adjudicated = temp.resolve("adjudicated");
    summary = service.export(OWNER, id, ExportSource.ADJUDICATED,
        DatasetWriter.folder(adjudicated));
    assertThat(summary.adjudicated()).isEqualTo(1);
    BufferedImage reference = ImageIO.read(adjudicated.resolve("masks/frame-0002.png").toFile());
    assertThat(Masks.truth(Images.toRgb(reference), "ref")).isEqualTo(rect(5, 5, 15, 15).pixels());
    assertThat(DataFolder.scan(adjudicated)).hasSize(3);
  }

  @Test
  void theOwnerSeesAFramesConsensusMajorityAndReferenceToAdjudicateBetween() {
    long id = blindStudy(2);
    List<StudyFrame> frames = service.frames(OWNER, id);
    long first = frames.get(0).id();
    save(ANN_A, id, first, 0, rect(0, 0, 20, 20));
    StudyService.FrameMasks before = service.frameMasks(OWNER, id, first);
    assertThat(before.staple()).as("not every annotator saved yet").isNull();
    assertThat(before.majority()).isNull();
    assertThat(before.reference()).isNull();

    save(ANN_B, id, first, 0, rect(0, 0, 20, 24));
    StudyService.FrameMasks masks = service.frameMasks(OWNER, id, first);
    // Two raters: the majority needs both (the overlap); STAPLE lies between the two masks.
    assertThat(masks.majority().pixels()).isEqualTo(rect(0, 0, 20, 20).pixels());
    assertThat(Agreement.dice(masks.staple().pixels(), rect(0, 0, 20, 20).pixels()))
        .isGreaterThan(0.8);
    service.adjudicate(OWNER, id, first, masks.staple());
    assertThat(service.frameMasks(OWNER, id, first).reference().pixels())
        .isEqualTo(masks.staple().pixels());
    assertThatThrownBy(() -> service.frameMasks(ANN_A, id, first))
        .isInstanceOf(StudyAccessDeniedException.class);
  }

  // ---- deletion

  @Test
  void deletingAStudyDeletesEveryRowAndPictureOfItAndNothingElse() throws Exception {
    long id = blindStudy(2);
    long other = blindStudy(1);
    List<StudyFrame> frames = service.frames(OWNER, id);
    save(ANN_A, id, frames.get(0).id(), 0, rect(0, 0, 5, 5));
    save(ANN_B, id, frames.get(0).id(), 0, rect(0, 0, 6, 6));
    save(ANN_B, id, frames.get(1).id(), 0, rect(0, 0, 6, 6));
    service.adjudicate(OWNER, id, frames.get(0).id(), rect(0, 0, 5, 5));
    Map<String, Integer> before = service.countRows(id);
    assertThat(before).containsExactly(Map.entry("study", 1), Map.entry("study_member", 3),
        Map.entry("study_frame", 2), Map.entry("frame_mask", 3), Map.entry("reference_mask", 1));

    StudyDeletion deleted = service.delete(OWNER, id);

    assertThat(deleted).isEqualTo(new StudyDeletion(1, 3, 2, 3, 1));
    assertThat(service.countRows(id).values()).containsOnly(0);
    assertThat(service.countRows(other).get("study_frame")).isEqualTo(1);
    assertThatThrownBy(() -> service.study(OWNER, id)).isInstanceOf(StudyNotFoundException.class);
    assertThat(totalRows("study_frame")).isEqualTo(1);
  }

  int totalRows(String table) throws Exception {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
