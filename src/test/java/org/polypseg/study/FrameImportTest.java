package org.polypseg.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.image.Images;
import org.polypseg.image.Redaction;
import org.polypseg.testing.HostileFiles;
import org.polypseg.testing.SyntheticData;
import org.polypseg.video.ClipSampling;
import org.polypseg.video.TestClips;
import org.polypseg.video.VideoFormat;
import org.polypseg.video.VideoLimits;

/**
 * Frames from a folder on the server and sampled from a clip, on the default database (an H2
 * file): what an owner gets, what is skipped and why, and what is refused. That such frames keep no
 * name in the database is {@link StudyStorageContract}'s, on both databases.
 */
class FrameImportTest {

  static final String OWNER = "olivia";
  static final int CLIP_FRAMES = 40;

  @TempDir Path temp;

  private StudyDatabase database;
  private StudyService service;
  private FrameImport imports;
  private long study;
  private final List<StudyAudit.Event> audited = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void open() {
    database = StudyDatabase.open(TestDatabases.h2(temp), Clock.systemUTC());
    service = new StudyService(database, null, audited::add, name -> true, Clock.systemUTC());
    imports = new FrameImport(service, List.of(), true, VideoLimits.DEFAULT);
    study = service.create(OWNER, new StudySettings("Imports", null, true)).id();
    service.addAnnotator(OWNER, study, "anna");
  }

  @AfterEach
  void close() {
    database.close();
  }

  private Path folder(String name) throws Exception {
    return Files.createDirectories(temp.resolve(name));
  }

  private static byte[] png(int seed) {
    return HostileFiles.encode(SyntheticData.pair(48, 36, new java.util.Random(seed))[0], "png");
  }

  private List<StudyFrame> addAll(FrameBatch batch) {
    for (FrameCandidate c : batch.frames()) {
      service.addFrame(OWNER, study, c.image(), c.label(), c.proposal(), true);
    }
    return service.frames(OWNER, study);
  }

  private List<String> actions(String action) {
    return audited.stream().filter(e -> e.action().equals(action))
        .map(StudyAudit.Event::outcome).toList();
  }

  // ---- folders

  @Test
  void aFolderGivesItsImagesInNameOrderAndEachEntersOnlyThroughTheRedactionPath()
      throws Exception {
    Path dir = folder("case-12");
    Files.write(dir.resolve("b.png"), png(2));
    Files.write(dir.resolve("a.jpg"), HostileFiles.encode(SyntheticData.pair(48, 36,
        new java.util.Random(1))[0], "jpg"));
    Files.write(dir.resolve("c.bmp"), HostileFiles.encode(SyntheticData.pair(48, 36,
        new java.util.Random(3))[0], "bmp"));
    Files.write(dir.resolve(".thumbs.png"), png(4));
    Files.createDirectories(dir.resolve("sub"));
    Files.write(dir.resolve("sub/d.png"), png(5));

    FrameBatch batch = imports.fromFolder(OWNER, study, dir.toString());

    assertThat(batch.frames()).extracting(FrameCandidate::label)
        .as("in name order; hidden files and subfolders are not read")
        .containsExactly("a.jpg", "b.png", "c.bmp");
    assertThat(batch.skipped()).isEmpty();
    assertThat(batch.frames().getFirst().width()).isEqualTo(48);
    assertThat(service.frames(OWNER, study)).as("nothing enters before the owner confirms")
        .isEmpty();
    assertThat(actions("frames-from-folder")).containsExactly("ok");

    assertThatThrownBy(() -> service.addFrame(OWNER, study, batch.frames().getFirst().image(),
        "a.jpg", Redaction.NONE, false)).isInstanceOf(StudyInputException.class)
        .hasMessageContaining("a.jpg: a frame enters a study only once");
    assertThat(addAll(batch)).extracting(StudyFrame::name)
        .containsExactly("frame-0001", "frame-0002", "frame-0003");
  }

  @Test
  void aFolderWithBrokenFilesNamesEachWithItsReasonAndKeepsTheGoodOnes() throws Exception {
    Path dir = folder("mixed");
    List<HostileFiles.HostileFile> corpus = HostileFiles.corpus();
    for (HostileFiles.HostileFile f : corpus) {
      Files.write(dir.resolve(f.fileName()), f.bytes());
    }
    Files.write(dir.resolve("notes.txt"), "a list of cases".getBytes());
    Files.write(dir.resolve("withdrawal.mp4"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("good.png"), png(1));

    FrameBatch batch = imports.fromFolder(OWNER, study, dir.toString());

    assertThat(batch.frames()).extracting(FrameCandidate::label)
        .containsExactly("good.png", "one-pixel.png");
    String skipped = String.join("\n", batch.skipped());
    for (HostileFiles.HostileFile f : corpus) {
      if (f.fileName().equals("one-pixel.png")) {
        continue;
      }
      String reason = FrameImport.isImageName(Path.of(f.fileName())) ? f.reason()
          : "not an image (PNG, JPEG, TIFF, BMP are read)";
      assertThat(batch.skipped()).as(f.fileName()).anyMatch(s -> s.startsWith(f.fileName()
          + ": ") && s.contains(reason));
    }
    assertThat(skipped).contains("notes.txt: not an image")
        .contains("withdrawal.mp4: not an image (PNG, JPEG, TIFF, BMP are read); a clip is "
            + "sampled with \"From a clip\"");
    assertThat(batch.skipped()).hasSize(corpus.size() - 1 + 2);
    assertThat(addAll(batch)).hasSize(2);
  }

  @Test
  void aMissingFolderAFileAFolderOfBrokenFilesAndTooManyAreRefusedByName() throws Exception {
    Path missing = temp.resolve("no-such-folder");
    assertThatThrownBy(() -> imports.fromFolder(OWNER, study, missing.toString()))
        .isInstanceOf(StudyInputException.class)
        .hasMessage(missing + ": not found on the server");
    assertThatThrownBy(() -> imports.fromFolder(OWNER, study, "  "))
        .isInstanceOf(StudyInputException.class).hasMessage("name a folder on the server by its "
            + "path");
    Path file = Files.write(temp.resolve("clip.mp4"), new byte[] {1});
    assertThatThrownBy(() -> imports.fromFolder(OWNER, study, file.toString()))
        .isInstanceOf(StudyInputException.class)
        .hasMessage(file + ": a file, not a folder (a clip is sampled with \"From a clip\")");

    Path broken = folder("broken");
    Files.write(broken.resolve("cut.png"), java.util.Arrays.copyOf(png(1), 60));
    Files.write(broken.resolve("empty.jpg"), new byte[0]);
    assertThatThrownBy(() -> imports.fromFolder(OWNER, study, broken.toString()))
        .isInstanceOf(StudyInputException.class)
        .hasMessageStartingWith(broken + ": no image that can be read: ")
        .hasMessageContaining("cut.png: not a readable PNG image")
        .hasMessageContaining("empty.jpg: the file is empty");
    Path none = folder("none");
    assertThatThrownBy(() -> imports.fromFolder(OWNER, study, none.toString()))
        .isInstanceOf(StudyInputException.class)
        .hasMessage(none + ": no image that can be read (PNG, JPEG, TIFF, BMP are read)");

    Path many = folder("many");
    byte[] one = png(1);
    for (int i = 0; i <= FrameImport.MAX_FRAMES_PER_ADD; i++) {
      Files.write(many.resolve(String.format("%03d.png", i)), one);
    }
    assertThatThrownBy(() -> imports.fromFolder(OWNER, study, many.toString()))
        .isInstanceOf(StudyInputException.class)
        .hasMessage(many + ": 51 images, more than the 50 one add takes; split them into "
            + "folders of at most 50");
    assertThat(service.frames(OWNER, study)).isEmpty();
    assertThat(actions("frames-from-folder")).containsOnly("rejected");
  }

  @Test
  void withServerFoldersSetNothingOutsideThemIsRead() throws Exception {
    Path allowed = folder("allowed");
    Path outside = folder("outside");
    Files.write(allowed.resolve("in.png"), png(1));
    Files.write(outside.resolve("secret.png"), png(2));
    Files.createSymbolicLink(allowed.resolve("link.png"), outside.resolve("secret.png"));
    Files.createSymbolicLink(allowed.resolve("door"), outside);
    FrameImport fenced = new FrameImport(service, List.of(allowed.toString()), false,
        VideoLimits.DEFAULT);

    FrameBatch batch = fenced.fromFolder(OWNER, study, allowed.toString());
    assertThat(batch.frames()).extracting(FrameCandidate::label).containsExactly("in.png");
    assertThat(batch.skipped()).containsExactly("link.png: a link to outside the folders this "
        + "server reads frames from");
    for (Path out : List.of(outside, allowed.resolve("door"), allowed.resolve(".."))) {
      assertThatThrownBy(() -> fenced.fromFolder(OWNER, study, out.toString()))
          .isInstanceOf(StudyInputException.class)
          .hasMessageContaining("outside the folders this server reads frames from "
              + "(polypseg.studies.server-folders: " + allowed + ")");
    }
  }

  @Test
  void aServerOtherMachinesReachReadsNoFolderUntilServerFoldersIsSet() throws Exception {
    Path dir = folder("frames");
    Files.write(dir.resolve("a.png"), png(1));
    Files.write(dir.resolve("clip.mp4"), new byte[] {1, 2, 3});
    FrameImport networked = new FrameImport(service, List.of(), false, VideoLimits.DEFAULT);

    assertThatThrownBy(() -> networked.fromFolder(OWNER, study, dir.toString()))
        .isInstanceOf(StudyInputException.class)
        .hasMessageContaining("polypseg.studies.server-folders")
        .hasMessageContaining("not set");
    assertThatThrownBy(() -> networked.fromClipFile(OWNER, study, dir.resolve("clip.mp4")
        .toString(), ClipSampling.evenly(5))).isInstanceOf(StudyInputException.class)
        .hasMessageContaining("polypseg.studies.server-folders");
    // The same folder on a server of this machine alone (the default address) is read.
    assertThat(imports.fromFolder(OWNER, study, dir.toString()).frames()).hasSize(1);
  }

  @Test
  void onlyTheOwnerReadsFoldersAndClips() throws Exception {
    Path dir = folder("frames");
    Files.write(dir.resolve("a.png"), png(1));
    assertThatThrownBy(() -> imports.fromFolder("anna", study, dir.toString()))
        .isInstanceOf(StudyAccessDeniedException.class);
    assertThatThrownBy(() -> imports.fromFolder("stan", study, dir.toString()))
        .isInstanceOf(StudyNotFoundException.class);
    assertThatThrownBy(() -> imports.fromClip("anna", study, new byte[] {1}, "c.mp4",
        ClipSampling.evenly(2))).isInstanceOf(StudyAccessDeniedException.class);
    assertThat(actions("frames-from-folder")).containsExactly("denied", "not-found");
    assertThat(actions("frames-from-clip")).containsExactly("denied");
  }

  @Test
  void realFramesOfAFolderAreReadAndTheirTextBoxesProposed() throws Exception {
    Path datasets = SyntheticData.realDatasets();
    assumeTrue(datasets != null, "../shared/datasets is not here");
    Path kvasir = datasets.resolve("TestDataset/Kvasir/images");
    // The whole folder is over one add's cap; five of its frames, linked, are not.
    assertThatThrownBy(() -> imports.fromFolder(OWNER, study, kvasir.toString()))
        .hasMessageContaining("more than the 50 one add takes");
    Path five = folder("kvasir-five");
    try (Stream<Path> files = Files.list(kvasir)) {
      for (Path f : files.sorted().limit(5).toList()) {
        Files.createSymbolicLink(five.resolve(f.getFileName()), f);
      }
    }
    FrameBatch batch = imports.fromFolder(OWNER, study, five.toString());
    assertThat(batch.frames()).hasSize(5);
    assertThat(batch.frames()).as("Kvasir frames carry burned-in text")
        .anyMatch(c -> !c.proposal().isEmpty());
    assertThat(addAll(batch)).hasSize(5);
  }

  // ---- clips

  private static byte[] clip(int frames, VideoFormat format) {
    return TestClips.encode(TestClips.syntheticFrames(frames, 64, 48), format);
  }

  @Test
  void anUploadedClipGivesEvenlySpacedOrEveryNthFrames() {
    byte[] clip = clip(CLIP_FRAMES, VideoFormat.MP4);

    FrameBatch evenly = imports.fromClip(OWNER, study, clip, "withdrawal.mp4",
        ClipSampling.evenly(4));
    assertThat(evenly.source()).isEqualTo("withdrawal.mp4, 4 frames evenly spaced");
    assertThat(evenly.frames()).extracting(FrameCandidate::label).containsExactly(
        "withdrawal.mp4 · frame 6 of 40 · 0.20 s", "withdrawal.mp4 · frame 16 of 40 · 0.60 s",
        "withdrawal.mp4 · frame 26 of 40 · 1.00 s", "withdrawal.mp4 · frame 36 of 40 · 1.40 s");
    FrameCandidate first = evenly.frames().getFirst();
    assertThat(first.width()).isEqualTo(64);
    assertThat(first.height()).isEqualTo(48);

    FrameBatch every = imports.fromClip(OWNER, study, clip, "withdrawal.mp4",
        ClipSampling.every(15));
    assertThat(every.frames()).extracting(FrameCandidate::label).containsExactly(
        "withdrawal.mp4 · frame 1 of 40 · 0.00 s", "withdrawal.mp4 · frame 16 of 40 · 0.60 s",
        "withdrawal.mp4 · frame 31 of 40 · 1.20 s");
    assertThat(service.frames(OWNER, study)).isEmpty();
    assertThat(addAll(evenly)).extracting(StudyFrame::name)
        .containsExactly("frame-0001", "frame-0002", "frame-0003", "frame-0004");
    assertThat(actions("frames-from-clip")).containsExactly("ok", "ok");
  }

  @Test
  void aClipOnTheServerIsSampledByItsPath() throws Exception {
    Path file = Files.write(folder("clips").resolve("case-3.webm"),
        clip(CLIP_FRAMES, VideoFormat.WEBM));
    FrameBatch batch = imports.fromClipFile(OWNER, study, file.toString(),
        ClipSampling.evenly(2));
    assertThat(batch.frames()).extracting(FrameCandidate::label).containsExactly(
        file + " · frame 11 of 40 · 0.40 s", file + " · frame 31 of 40 · 1.20 s");
    BufferedImage frame = Images.readRgb(batch.frames().get(1).image(), "frame");
    assertThat(frame.getWidth()).isEqualTo(64);
  }

  @Test
  void sampleCountsOutOfRangeAreRefusedWithTheRangeThatWorks() {
    byte[] clip = clip(60, VideoFormat.WEBM);
    // Before anything is decoded: these bytes are not even a clip.
    assertThatThrownBy(() -> imports.fromClip(OWNER, study, new byte[] {1, 2}, "c.webm",
        ClipSampling.evenly(51))).isInstanceOf(StudyInputException.class)
        .hasMessage("c.webm: 51 frames asked for; one add takes 1 to 50");
    assertThatThrownBy(() -> imports.fromClip(OWNER, study, clip(CLIP_FRAMES, VideoFormat.WEBM),
        "c.webm", ClipSampling.evenly(41))).isInstanceOf(StudyInputException.class)
        .hasMessage("c.webm: the clip has 40 frames; ask for at most 40");
    assertThatThrownBy(() -> imports.fromClip(OWNER, study, clip, "c.webm",
        ClipSampling.every(1))).isInstanceOf(StudyInputException.class)
        .hasMessage("c.webm: every frame of its 60 frames gives 60 frames, more than the 50 one "
            + "add takes; take every 2nd frame (or a larger step), or frames evenly spaced");
    assertThat(imports.fromClip(OWNER, study, clip, "c.webm", ClipSampling.every(2)).frames())
        .hasSize(30);
  }

  @Test
  void aClipThatCannotBeReadIsNamedWithTheReason() throws Exception {
    byte[] junk = new byte[5000];
    new java.util.Random(3).nextBytes(junk);
    assertThatThrownBy(() -> imports.fromClip(OWNER, study, junk, "junk.mp4",
        ClipSampling.evenly(3))).isInstanceOf(StudyInputException.class)
        .hasMessageStartingWith("junk.mp4: not a readable video");
    assertThatThrownBy(() -> imports.fromClip(OWNER, study, TestClips.audioOnly(), "tone.wav",
        ClipSampling.evenly(3))).isInstanceOf(StudyInputException.class)
        .hasMessage("tone.wav: the file holds audio only, no video stream");
    assertThatThrownBy(() -> imports.fromClip(OWNER, study, TestClips.emptyClip(), "empty.avi",
        ClipSampling.evenly(3))).isInstanceOf(StudyInputException.class)
        .hasMessage("empty.avi: the clip has no frames");
    byte[] mp4 = clip(CLIP_FRAMES, VideoFormat.MP4);
    assertThatThrownBy(() -> imports.fromClip(OWNER, study,
        java.util.Arrays.copyOf(mp4, 200), "cut.mp4", ClipSampling.evenly(3)))
        .isInstanceOf(StudyInputException.class)
        .hasMessageStartingWith("cut.mp4: not a readable video");
    Path missing = temp.resolve("gone.mp4");
    assertThatThrownBy(() -> imports.fromClipFile(OWNER, study, missing.toString(),
        ClipSampling.evenly(3))).isInstanceOf(StudyInputException.class)
        .hasMessage(missing + ": not found on the server");
    assertThatThrownBy(() -> imports.fromClipFile(OWNER, study, temp.toString(),
        ClipSampling.evenly(3))).isInstanceOf(StudyInputException.class)
        .hasMessage(temp.toRealPath() + ": a folder, not a file");
    assertThat(actions("frames-from-clip")).containsOnly("rejected");
    assertThat(service.frames(OWNER, study)).isEmpty();
  }
}
