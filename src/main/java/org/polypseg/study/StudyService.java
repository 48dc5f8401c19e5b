package org.polypseg.study;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.polypseg.image.BurnedInText;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.image.Redaction;
import org.polypseg.study.consensus.Agreement;
import org.polypseg.study.consensus.AgreementFigures;
import org.polypseg.study.consensus.ConsensusAnalysis;
import org.polypseg.study.consensus.ConsensusResult;
import org.polypseg.study.consensus.DecisionPatterns;
import org.polypseg.study.consensus.FrameDisagreement;
import org.polypseg.study.consensus.StapleResult;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Annotation studies: a study's frames (redacted, known by number), its owner and annotators,
 * their masks (optimistically locked), the consensus and agreement, adjudication, export as a data
 * folder, deletion. Every method takes the acting user's name ({@code null} when nobody is signed
 * in, which is refused) and checks what that user may do:
 *
 * <ul>
 *   <li>someone not in a study cannot see it: {@link StudyNotFoundException}, as for a study that
 *       does not exist;
 *   <li>only the owner adds frames and annotators, changes settings, sees the agreement,
 *       adjudicates, exports and deletes; an annotator asking gets {@link
 *       StudyAccessDeniedException};
 *   <li>an annotator of a blind study reads only their own masks.
 * </ul>
 *
 * <p>Every action, allowed or not, goes to the {@link StudyAudit}. Thread-safe.
 */
public final class StudyService {

  /** Annotators per study, at most (STAPLE's limit). */
  public static final int MAX_ANNOTATORS = DecisionPatterns.MAX_RATERS;

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final StudyDatabase database;
  private final StudyStore store;
  private final ModelMasks model;
  private final StudyAudit audit;
  private final Predicate<String> knownUser;
  private final Clock clock;

  /**
   * @param model the model's masks, or null when no model is loaded (studies then start blank)
   * @param knownUser whether a user name is an account that can sign in (annotators must be)
   */
  public StudyService(StudyDatabase database, ModelMasks model, StudyAudit audit,
      Predicate<String> knownUser, Clock clock) {
    this.database = database;
    this.store = new StudyStore(database);
    this.model = model;
    this.audit = audit;
    this.knownUser = knownUser;
    this.clock = clock;
  }

  /** Whether studies can be used now; when not, {@link #unavailableReason()} says why. */
  public boolean available() {
    return database.available();
  }

  /** Why studies are off (database unreachable, or disabled), or null. */
  public String unavailableReason() {
    return database.unavailableReason();
  }

  // ---- studies

  /** The studies {@code user} is in (as owner or annotator), newest first. */
  public List<Study> studies(String user) {
    return audited(user, "list", null, null, () -> {
      signedIn(user);
      return store.studiesOf(user).stream().map(row -> describe(row, user)).toList();
    });
  }

  /** A new study owned by {@code user}. */
  public Study create(String user, StudySettings settings) {
    return audited(user, "create", null, null, () -> {
      signedIn(user);
      long id = database.transactions().execute(tx -> {
        Instant now = clock.instant();
        long studyId = store.insertStudy(settings, user, now);
        store.insertMember(studyId, user, StudyRole.OWNER, now);
        return studyId;
      });
      return describe(store.study(id).orElseThrow(), user);
    });
  }

  /** A study its member asks for. */
  public Study study(String user, long studyId) {
    return audited(user, "read", studyId, null,
        () -> describe(member(user, studyId).study(), user));
  }

  /** The owner changes title, start mask or blindness. */
  public Study updateSettings(String user, long studyId, StudySettings settings) {
    return audited(user, "settings", studyId, null, () -> {
      owner(user, studyId);
      store.updateSettings(studyId, settings);
      return describe(store.study(studyId).orElseThrow(), user);
    });
  }

  /** The owner adds an annotator (an account that can sign in; the owner too, if they like). */
  public Study addAnnotator(String user, long studyId, String annotator) {
    return audited(user, "add-annotator", studyId, null, () -> {
      Access access = owner(user, studyId);
      String name = annotator == null ? "" : annotator.strip();
      if (name.isEmpty() || name.length() > 100) {
        throw new StudyInputException("an annotator is named by their user name (1..100 "
            + "characters)");
      }
      if (!knownUser.test(name)) {
        throw new StudyInputException("'" + name + "' is not a user of this server; annotators "
            + "sign in with their own account (polypseg.security.users)");
      }
      if (access.roles(name).contains(StudyRole.ANNOTATOR)) {
        throw new StudyInputException("'" + name + "' is already an annotator of this study");
      }
      if (access.annotators().size() >= MAX_ANNOTATORS) {
        throw new StudyInputException("a study has at most " + MAX_ANNOTATORS + " annotators");
      }
      try {
        store.insertMember(studyId, name, StudyRole.ANNOTATOR, clock.instant());
      } catch (DuplicateKeyException e) {
        throw new StudyInputException("'" + name + "' is already an annotator of this study");
      }
      return describe(access.study(), user);
    });
  }

  /** Deletes the study: every row and picture of it; the counts say what went. */
  public StudyDeletion delete(String user, long studyId) {
    return audited(user, "delete", studyId, null, () -> {
      owner(user, studyId);
      return database.transactions().execute(tx -> store.delete(studyId));
    });
  }

  // ---- frames

  /**
   * The boxes proposed to blank a frame's burned-in text (see {@link BurnedInText}), for the owner
   * to check and change before adding the frame. Nothing is kept.
   */
  public Redaction proposeRedaction(String user, long studyId, byte[] image, String name) {
    return audited(user, "propose-redaction", studyId, null, () -> {
      owner(user, studyId);
      return BurnedInText.propose(decode(image, name));
    });
  }

  /**
   * Adds a frame: its burned-in text blanked with {@code redaction} (the boxes the owner has
   * checked, possibly none) and re-encoded as PNG; the original file's name and metadata are not
   * kept. With a model, its mask is kept too (start mask, agreement column).
   *
   * @param name the upload's name, for messages only (never stored)
   * @param redactionConfirmed the owner confirmed that {@code redaction} covers the burned-in text
   * @throws StudyInputException unreadable image, boxes outside it, or the redaction unconfirmed
   */
  public StudyFrame addFrame(String user, long studyId, byte[] image, String name,
      Redaction redaction, boolean redactionConfirmed) {
    return audited(user, "add-frame", studyId, null, () -> {
      owner(user, studyId);
      if (!redactionConfirmed) {
        throw new StudyInputException(name + ": a frame enters a study only once its burned-in "
            + "text is blanked and the owner has confirmed the boxes (propose them with the "
            + "redaction proposal, check them, and confirm; confirm no boxes for a frame with no "
            + "text)");
      }
      BufferedImage original = decode(image, name);
      Redaction boxes;
      try {
        boxes = (redaction == null ? Redaction.NONE : redaction)
            .checkedFor(original.getWidth(), original.getHeight());
      } catch (IllegalArgumentException e) {
        throw new StudyInputException(name + ": " + e.getMessage());
      }
      byte[] png = Pictures.png(boxes.apply(original));
      byte[] modelPng = model == null ? null : Pictures.maskPng(model.mask(original));
      Instant now = clock.instant();
      for (int attempt = 0; ; attempt++) {
        int seq = store.nextSeq(studyId);
        try {
          long id = store.insertFrame(studyId, seq, original.getWidth(), original.getHeight(),
              png, modelPng, boxes.format(), user, now);
          return new StudyFrame(id, seq, original.getWidth(), original.getHeight(),
              modelPng != null);
        } catch (DuplicateKeyException e) {
          // Two frames added at once took the same number; take the next one.
          if (attempt >= 5) {
            throw e;
          }
        }
      }
    });
  }

  /** The study's frames, in order; for its members. */
  public List<StudyFrame> frames(String user, long studyId) {
    return audited(user, "list-frames", studyId, null, () -> {
      member(user, studyId);
      return store.frames(studyId).stream().map(StudyStore.FrameRow::frame).toList();
    });
  }

  /** A frame's picture (redacted PNG); for the study's members. */
  public byte[] frameImage(String user, long studyId, long frameId) {
    return audited(user, "read-frame", studyId, frameId, () -> {
      member(user, studyId);
      frame(studyId, frameId);
      return store.frameImage(frameId);
    });
  }

  // ---- annotating

  /** The annotator's frames in order with what they did, and where to resume. */
  public AnnotatorQueue queue(String user, long studyId) {
    return audited(user, "queue", studyId, null, () -> {
      annotator(user, studyId);
      Map<Long, StudyStore.MaskState> mine = new HashMap<>();
      for (StudyStore.MaskState state : store.maskStates(studyId)) {
        if (state.annotator().equals(user)) {
          mine.put(state.frameId(), state);
        }
      }
      List<AnnotatorQueue.Entry> entries = new ArrayList<>();
      Long next = null;
      for (StudyStore.FrameRow row : store.frames(studyId)) {
        StudyStore.MaskState state = mine.get(row.id());
        entries.add(state == null ? new AnnotatorQueue.Entry(row.frame(), 0, false, false)
            : new AnnotatorQueue.Entry(row.frame(), state.version(), state.noPolyp(),
                state.unsure()));
        if (state == null && next == null) {
          next = row.id();
        }
      }
      return new AnnotatorQueue(user, entries, next);
    });
  }

  /**
   * Progress per annotator: the owner sees everyone's, an annotator their own (counts only, never
   * masks).
   */
  public List<Progress> progress(String user, long studyId) {
    return audited(user, "progress", studyId, null, () -> {
      Access access = member(user, studyId);
      int frames = store.frameCount(studyId);
      Map<String, int[]> counts = new LinkedHashMap<>();
      for (String a : access.annotators()) {
        if (access.isOwner() || a.equals(user)) {
          counts.put(a, new int[3]);
        }
      }
      for (StudyStore.MaskState state : store.maskStates(studyId)) {
        int[] c = counts.get(state.annotator());
        if (c != null) {
          c[0]++;
          c[1] += state.noPolyp() ? 1 : 0;
          c[2] += state.unsure() ? 1 : 0;
        }
      }
      List<Progress> out = new ArrayList<>();
      counts.forEach((a, c) -> out.add(new Progress(a, c[0], c[1], c[2], frames)));
      return out;
    });
  }

  /**
   * Where an annotator starts a frame: their saved mask if they have one, else the model's mask
   * (when the owner chose so and one is kept), else a blank one.
   */
  public MaskImage startMask(String user, long studyId, long frameId) {
    return audited(user, "start-mask", studyId, frameId, () -> {
      Access access = annotator(user, studyId);
      StudyStore.FrameRow frame = frame(studyId, frameId);
      var saved = store.mask(frameId, user);
      if (saved.isPresent()) {
        return Pictures.readMask(saved.get().png());
      }
      if (access.study().startFrom() == StudySettings.StartFrom.MODEL) {
        byte[] png = store.modelMask(frameId);
        if (png != null) {
          return Pictures.readMask(png);
        }
      }
      return MaskImage.blank(frame.width(), frame.height());
    });
  }

  /**
   * An annotator's saved mask. Their own always; another's for the owner, or for a fellow
   * annotator of a study that is not blind.
   */
  public SavedMask mask(String user, long studyId, long frameId, String annotator) {
    return audited(user, "read-mask", studyId, frameId, () -> {
      Access access = member(user, studyId);
      if (!user.equals(annotator) && !access.isOwner()) {
        if (access.study().blind()) {
          throw new StudyAccessDeniedException("this study is blind: annotators see only their "
              + "own masks");
        }
        if (!access.roles(user).contains(StudyRole.ANNOTATOR)) {
          throw new StudyAccessDeniedException("only the owner and the annotators see masks");
        }
      }
      frame(studyId, frameId);
      return store.mask(frameId, annotator).map(StudyStore.MaskRow::decode)
          .orElseThrow(() -> new StudyNotFoundException(annotator + " has not saved a mask of "
              + "this frame"));
    });
  }

  /**
   * Saves the user's own mask of a frame. Annotators never overwrite each other (one mask each);
   * a save from a version older than the one kept (the same person in two tabs) is refused with
   * {@link MaskConflictException}, and nothing is overwritten.
   */
  public SavedMask saveMask(String user, long studyId, long frameId, MaskSave save) {
    return audited(user, "save-mask", studyId, frameId, () -> {
      annotator(user, studyId);
      StudyStore.FrameRow frame = frame(studyId, frameId);
      MaskImage mask = save.mask() == null && save.noPolyp()
          ? MaskImage.blank(frame.width(), frame.height()) : checkSize(save.mask(), frame);
      if (save.noPolyp() && mask.any()) {
        throw new StudyInputException(frame.frame().name() + ": marked \"no polyp\" but the mask"
            + " has polyp pixels; erase them or take the mark off");
      }
      if (save.baseVersion() < 0) {
        throw new StudyInputException("version " + save.baseVersion() + ": 0 for a first save, "
            + "else the version loaded");
      }
      byte[] png = Pictures.maskPng(mask);
      Instant now = clock.instant();
      boolean saved = save.baseVersion() == 0
          ? store.insertMask(frameId, user, png, save.noPolyp(), save.unsure(), now)
          : store.updateMask(frameId, user, save.baseVersion(), png, save.noPolyp(),
              save.unsure(), now);
      if (!saved) {
        int current = store.mask(frameId, user).map(StudyStore.MaskRow::version).orElse(0);
        throw new MaskConflictException(frame.frame().name() + ": your mask was saved elsewhere "
            + "meanwhile (another tab or window?): version " + current + " is kept, this save "
            + "started from version " + save.baseVersion() + ". Nothing was overwritten; reload "
            + "the frame to continue from the kept mask.", current);
      }
      // What was just written, without reading it back: a save is on every annotator's path, and
      // a second query plus a PNG decode would add work for nothing.
      return new SavedMask(frameId, user, mask, save.noPolyp(), save.unsure(),
          save.baseVersion() + 1, now.truncatedTo(ChronoUnit.MICROS));
    });
  }

  // ---- consensus, adjudication, export

  /**
   * The consensus and agreement of the study's annotators (owner only), from the frames every
   * annotator saved.
   *
   * @throws StudyInputException fewer than two annotators (no agreement to compute), no frames,
   *     or no frame saved by every annotator yet
   */
  public StudyAgreement agreement(String user, long studyId) {
    return audited(user, "agreement", studyId, null, () -> {
      Access access = owner(user, studyId);
      return new Consensus(access).agreement();
    });
  }

  /**
   * The owner's adjudicated mask of a frame, which becomes its reference (in place of the
   * consensus in an {@link ExportSource#ADJUDICATED} export). Replaces an earlier one.
   */
  public void adjudicate(String user, long studyId, long frameId, MaskImage mask) {
    audited(user, "adjudicate", studyId, frameId, () -> {
      owner(user, studyId);
      StudyStore.FrameRow frame = frame(studyId, frameId);
      store.putReference(frameId, Pictures.maskPng(checkSize(mask, frame)), user,
          clock.instant());
      return null;
    });
  }

  /**
   * The masks of one frame that the owner adjudicates between, beside the annotators' own: the
   * STAPLE consensus and the majority vote (null until every annotator saved the frame, or with
   * fewer than two annotators), the model's mask (null when the study started blank) and the
   * owner's reference (null until adjudicated).
   */
  public record FrameMasks(MaskImage staple, MaskImage majority, MaskImage model,
      MaskImage reference) {}

  /** {@link FrameMasks} of a frame (owner only). */
  public FrameMasks frameMasks(String user, long studyId, long frameId) {
    return audited(user, "read-frame-masks", studyId, frameId, () -> {
      Access access = owner(user, studyId);
      StudyStore.FrameRow frame = frame(studyId, frameId);
      int w = frame.frame().width();
      int h = frame.frame().height();
      MaskImage model = frame.hasModelMask()
          ? Pictures.readMask(store.modelMask(frameId)) : null;
      MaskImage reference = store.reference(frameId).map(Pictures::readMask).orElse(null);
      MaskImage staple = null;
      MaskImage majority = null;
      try {
        Consensus consensus = new Consensus(access);
        if (consensus.isComplete(frameId)) {
          Consensus.FrameConsensus fc = consensus.frameConsensus(frame);
          staple = new MaskImage(w, h, fc.consensus());
          majority = new MaskImage(w, h, Agreement.majorityVote(fc.masks()));
        }
      } catch (StudyInputException notYet) {
        // Too few annotators or no complete frame yet: no consensus to show.
      }
      return new FrameMasks(staple, majority, model, reference);
    });
  }

  /** The adjudicated reference of a frame (owner only). */
  public MaskImage reference(String user, long studyId, long frameId) {
    return audited(user, "read-reference", studyId, frameId, () -> {
      owner(user, studyId);
      frame(studyId, frameId);
      return store.reference(frameId).map(Pictures::readMask).orElseThrow(
          () -> new StudyNotFoundException("this frame has not been adjudicated"));
    });
  }

  /**
   * What an export wrote.
   *
   * @param frames frames written to {@code images/} and {@code masks/}
   * @param adjudicated of those, with the owner's reference as mask
   * @param framesLeftOut frames left out: not saved by every annotator, nor adjudicated
   */
  public record ExportSummary(int frames, int adjudicated, List<String> framesLeftOut) {}

  /**
   * Exports the study as a data folder that {@code train} and {@code evaluate} read:
   * {@code images/frame-0001.png} and {@code masks/frame-0001.png} (0/255), plus
   * {@code agreement.json} (the agreement and what was exported), {@code agreement.csv} (one row
   * per annotator and one for the model) and {@code frames.csv} (disagreement per frame).
   * {@code out} is closed on success and aborted (nothing left) on failure.
   *
   * @throws StudyInputException an empty study, fewer than two annotators, no frame complete
   */
  public ExportSummary export(String user, long studyId, ExportSource source, DatasetWriter out) {
    return audited(user, "export", studyId, null, () -> {
      try {
        Access access = owner(user, studyId);
        Consensus consensus = new Consensus(access);
        ExportSummary summary = consensus.write(source, out);
        out.close();
        return summary;
      } catch (IOException e) {
        abort(out);
        throw new UncheckedIOException(e);
      } catch (RuntimeException e) {
        abort(out);
        throw e;
      }
    });
  }

  private static void abort(DatasetWriter out) {
    try {
      out.abort();
    } catch (IOException e) {
      // The export's own failure is the one to report.
    }
  }

  /** Rows of each study table that belong to the study: for checks after a delete. */
  public Map<String, Integer> countRows(long studyId) {
    return store.countRows(studyId);
  }

  // ---- consensus, shared by agreement and export

  /** The annotators' masks of a study's complete frames, with STAPLE run over them. */
  private final class Consensus {
    private final long studyId;
    private final List<String> annotators;
    private final List<StudyStore.FrameRow> complete = new ArrayList<>();
    private final List<String> leftOut = new ArrayList<>();
    private final Set<Long> adjudicated;
    private final ConsensusResult result;
    private final Map<Long, int[]> flags = new HashMap<>();

    Consensus(Access access) {
      this.studyId = access.study().id();
      this.annotators = access.annotators();
      if (annotators.size() < 2) {
        throw new StudyInputException("study " + studyId + " has " + (annotators.isEmpty()
            ? "no annotator" : "one annotator (" + annotators.getFirst() + ")")
            + ": agreement and consensus need at least two; add another annotator");
      }
      List<StudyStore.FrameRow> frames = store.frames(studyId);
      if (frames.isEmpty()) {
        throw new StudyInputException("study " + studyId + " has no frames yet: add frames, "
            + "let the annotators annotate them, then ask again");
      }
      this.adjudicated = Set.copyOf(store.adjudicatedFrames(studyId));
      Map<Long, Map<String, StudyStore.MaskState>> states = new HashMap<>();
      for (StudyStore.MaskState s : store.maskStates(studyId)) {
        states.computeIfAbsent(s.frameId(), k -> new HashMap<>()).put(s.annotator(), s);
      }
      for (StudyStore.FrameRow frame : frames) {
        Map<String, StudyStore.MaskState> m = states.getOrDefault(frame.id(), Map.of());
        if (m.keySet().containsAll(annotators)) {
          complete.add(frame);
          int unsure = 0;
          int none = 0;
          for (String a : annotators) {
            unsure += m.get(a).unsure() ? 1 : 0;
            none += m.get(a).noPolyp() ? 1 : 0;
          }
          flags.put(frame.id(), new int[] {unsure, none});
        } else {
          leftOut.add(frame.frame().name());
        }
      }
      if (complete.isEmpty()) {
        throw new StudyInputException("study " + studyId + ": no frame has a saved mask from "
            + "every annotator yet (" + progressText(states, frames.size()) + ")");
      }
      ConsensusAnalysis analysis = new ConsensusAnalysis(annotators);
      for (StudyStore.FrameRow frame : complete) {
        analysis.add(frame.frame().name(), masks(frame));
      }
      this.result = analysis.result();
    }

    private String progressText(Map<Long, Map<String, StudyStore.MaskState>> states, int total) {
      List<String> parts = new ArrayList<>();
      for (String a : annotators) {
        long n = states.values().stream().filter(m -> m.containsKey(a)).count();
        parts.add(a + " " + n + "/" + total);
      }
      return String.join(", ", parts);
    }

    boolean isComplete(long frameId) {
      return complete.stream().anyMatch(f -> f.id() == frameId);
    }

    boolean[][] masks(StudyStore.FrameRow frame) {
      Map<String, StudyStore.MaskRow> rows = store.masksOfFrame(frame.id());
      boolean[][] masks = new boolean[annotators.size()][];
      for (int j = 0; j < annotators.size(); j++) {
        StudyStore.MaskRow row = rows.get(annotators.get(j));
        if (row == null) {
          throw new StudyInputException(frame.frame().name() + ": a mask was removed while the "
              + "consensus was computed; ask again");
        }
        masks[j] = Pictures.readMask(row.png()).pixels();
      }
      return masks;
    }

    /** Per frame: its masks, STAPLE consensus, and the model's mask (or null). */
    private record FrameConsensus(StudyStore.FrameRow frame, boolean[][] masks,
        boolean[] consensus, boolean[] model) {}

    private FrameConsensus frameConsensus(StudyStore.FrameRow frame) {
      boolean[][] masks = masks(frame);
      StapleResult staple = result.staple();
      byte[] modelPng = frame.hasModelMask() ? store.modelMask(frame.id()) : null;
      return new FrameConsensus(frame, masks, staple.consensus(masks),
          modelPng == null ? null : Pictures.readMask(modelPng).pixels());
    }

    /**
     * Sums of each annotator's and the model's Dice against the consensus over the complete
     * frames; the agreement table and the export (which sees each frame's consensus once, while
     * writing it) both add frames here.
     */
    private final class DiceTotals {
      private final double[] annotatorSum = new double[annotators.size()];
      private double modelSum;
      private int modelFrames;

      void add(FrameConsensus fc) {
        double[] dice = Agreement.diceAgainst(fc.consensus(), fc.masks());
        for (int j = 0; j < dice.length; j++) {
          annotatorSum[j] += dice[j];
        }
        if (fc.model() != null) {
          modelSum += Agreement.dice(fc.model(), fc.consensus());
          modelFrames++;
        }
      }

      StudyAgreement agreement() {
        double[] meanDice = new double[annotatorSum.length];
        for (int j = 0; j < meanDice.length; j++) {
          meanDice[j] = annotatorSum[j] / complete.size();
        }
        return Consensus.this.agreement(AgreementFigures.of(result, meanDice),
            modelFrames == 0 ? null : modelSum / modelFrames, modelFrames);
      }
    }

    StudyAgreement agreement() {
      DiceTotals totals = new DiceTotals();
      for (StudyStore.FrameRow frame : complete) {
        totals.add(frameConsensus(frame));
      }
      return totals.agreement();
    }

    private StudyAgreement agreement(AgreementFigures figures, Double modelDice, int modelFrames) {
      Map<String, StudyStore.FrameRow> byName = new HashMap<>();
      complete.forEach(f -> byName.put(f.frame().name(), f));
      List<StudyAgreement.FrameAgreement> frames = new ArrayList<>();
      for (FrameDisagreement d : result.framesByDisagreement()) {
        StudyStore.FrameRow f = byName.get(d.frame());
        int[] flag = flags.get(f.id());
        frames.add(new StudyAgreement.FrameAgreement(f.id(), d.frame(), d.disagreement(),
            flag[0], flag[1], adjudicated.contains(f.id())));
      }
      return new StudyAgreement(studyId, figures, modelDice, modelFrames, frames, leftOut);
    }

    ExportSummary write(ExportSource source, DatasetWriter out) throws IOException {
      DiceTotals totals = new DiceTotals();
      int written = 0;
      int fromReference = 0;
      List<String> stillLeftOut = new ArrayList<>();
      Map<Long, String> maskSource = new LinkedHashMap<>();
      // Adjudicated frames that not every annotator saved still have a reference to export.
      List<StudyStore.FrameRow> frames = store.frames(studyId);
      Set<Long> completeIds = new java.util.HashSet<>();
      complete.forEach(f -> completeIds.add(f.id()));
      for (StudyStore.FrameRow frame : frames) {
        boolean isComplete = completeIds.contains(frame.id());
        boolean useReference = source == ExportSource.ADJUDICATED
            && adjudicated.contains(frame.id());
        if (!isComplete && !useReference) {
          stillLeftOut.add(frame.frame().name());
          continue;
        }
        boolean[] mask;
        if (isComplete) {
          FrameConsensus fc = frameConsensus(frame);
          totals.add(fc);
          mask = source == ExportSource.MAJORITY ? Agreement.majorityVote(fc.masks())
              : fc.consensus();
        } else {
          mask = null;
        }
        String from = source.label();
        if (useReference) {
          mask = Pictures.readMask(store.reference(frame.id()).orElseThrow()).pixels();
          from = "adjudicated";
          fromReference++;
        } else if (source == ExportSource.ADJUDICATED) {
          from = "staple";
        }
        String name = frame.frame().name() + ".png";
        out.write("images/" + name, store.frameImage(frame.id()));
        out.write("masks/" + name,
            Pictures.maskPng(new MaskImage(frame.width(), frame.height(), mask)));
        maskSource.put(frame.id(), from);
        written++;
      }
      StudyAgreement agreement = totals.agreement();
      ExportSummary summary = new ExportSummary(written, fromReference, stillLeftOut);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("study", studyId);
      json.put("masks", source.label());
      json.put("exported", summary);
      json.put("agreement", agreement);
      out.write("agreement.json", JSON.writeValueAsBytes(json));
      out.write("agreement.csv", agreementCsv(agreement).getBytes(StandardCharsets.UTF_8));
      out.write("frames.csv", framesCsv(frames, agreement, maskSource)
          .getBytes(StandardCharsets.UTF_8));
      return summary;
    }
  }

  /** One row per annotator, then the model's: who, STAPLE, Dice against others and consensus. */
  static String agreementCsv(StudyAgreement agreement) {
    AgreementFigures f = agreement.figures();
    StringBuilder csv = new StringBuilder(
        "rater,sensitivity,specificity,meanDice,consensusDice,frames\n");
    for (String rater : f.raters()) {
      csv.append(csvText(rater)).append(',').append(num(f.sensitivity().get(rater))).append(',')
          .append(num(f.specificity().get(rater))).append(',').append(num(f.meanDice().get(rater)))
          .append(',').append(num(f.consensusDice().get(rater))).append(',').append(f.frames())
          .append('\n');
    }
    csv.append("model,,,,").append(num(agreement.modelDice())).append(',')
        .append(agreement.modelFrames()).append('\n');
    return csv.toString();
  }

  private static String framesCsv(List<StudyStore.FrameRow> frames, StudyAgreement agreement,
      Map<Long, String> maskSource) {
    Map<Long, StudyAgreement.FrameAgreement> byId = new HashMap<>();
    agreement.framesByDisagreement().forEach(f -> byId.put(f.frameId(), f));
    StringBuilder csv = new StringBuilder("frame,width,height,disagreement,unsure,noPolyp,mask\n");
    for (StudyStore.FrameRow frame : frames) {
      StudyAgreement.FrameAgreement a = byId.get(frame.id());
      csv.append(frame.frame().name()).append(',').append(frame.width()).append(',')
          .append(frame.height()).append(',')
          .append(a == null ? "" : num(a.disagreement())).append(',')
          .append(a == null ? "" : a.unsure()).append(',')
          .append(a == null ? "" : a.noPolyp()).append(',')
          .append(maskSource.getOrDefault(frame.id(), "")).append('\n');
    }
    return csv.toString();
  }

  private static String num(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.6f", v);
  }

  private static String csvText(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  // ---- access

  /**
   * Runs an action of the study's owner, checked and audited as every action here: for the
   * capabilities beside this class ({@link FrameImport}).
   */
  <T> T asOwner(String user, long studyId, String action, Supplier<T> work) {
    return audited(user, action, studyId, null, () -> {
      owner(user, studyId);
      return work.get();
    });
  }

  /** The user's view of a study: its row, its members, the user's roles. */
  private record Access(StudyStore.StudyRow study, List<StudyStore.MemberRow> members,
      String user) {
    List<StudyRole> roles(String name) {
      return members.stream().filter(m -> m.username().equals(name))
          .map(StudyStore.MemberRow::role).toList();
    }

    boolean isOwner() {
      return roles(user).contains(StudyRole.OWNER);
    }

    List<String> annotators() {
      return members.stream().filter(m -> m.role() == StudyRole.ANNOTATOR)
          .map(StudyStore.MemberRow::username).toList();
    }
  }

  private static void signedIn(String user) {
    if (user == null || user.isBlank()) {
      throw new StudyAccessDeniedException("annotation studies need a signed-in user: turn "
          + "login on (polypseg.security.enabled=true with polypseg.security.users)");
    }
  }

  private Access member(String user, long studyId) {
    signedIn(user);
    StudyStore.StudyRow study = store.study(studyId).orElseThrow(() -> notFound(studyId));
    List<StudyStore.MemberRow> members = store.members(studyId);
    if (members.stream().noneMatch(m -> m.username().equals(user))) {
      // As for a study that does not exist: strangers learn nothing.
      throw notFound(studyId);
    }
    return new Access(study, members, user);
  }

  private Access owner(String user, long studyId) {
    Access access = member(user, studyId);
    if (!access.isOwner()) {
      throw new StudyAccessDeniedException("only the study's owner may do this");
    }
    return access;
  }

  private Access annotator(String user, long studyId) {
    Access access = member(user, studyId);
    if (!access.roles(user).contains(StudyRole.ANNOTATOR)) {
      throw new StudyAccessDeniedException("you are not an annotator of this study (the owner "
          + "can add you)");
    }
    return access;
  }

  private StudyStore.FrameRow frame(long studyId, long frameId) {
    return store.frame(studyId, frameId).orElseThrow(
        () -> new StudyNotFoundException("study " + studyId + " has no frame " + frameId));
  }

  private static StudyNotFoundException notFound(long studyId) {
    return new StudyNotFoundException("no study " + studyId + " (or you are not in it)");
  }

  private static MaskImage checkSize(MaskImage mask, StudyStore.FrameRow frame) {
    if (mask == null) {
      throw new StudyInputException(frame.frame().name() + ": no mask given");
    }
    if (mask.width() != frame.width() || mask.height() != frame.height()) {
      throw new StudyInputException(String.format(Locale.ROOT,
          "the mask is %d×%d px but %s is %d×%d; a mask has its frame's size", mask.width(),
          mask.height(), frame.frame().name(), frame.width(), frame.height()));
    }
    return mask;
  }

  private static BufferedImage decode(byte[] image, String name) {
    try {
      return Images.readRgb(image, name);
    } catch (ImageReadException e) {
      throw new StudyInputException(e.getMessage());
    }
  }

  private Study describe(StudyStore.StudyRow row, String user) {
    List<StudyStore.MemberRow> members = store.members(row.id());
    List<String> annotators = members.stream().filter(m -> m.role() == StudyRole.ANNOTATOR)
        .map(StudyStore.MemberRow::username).toList();
    List<StudyRole> mine = members.stream().filter(m -> m.username().equals(user))
        .map(StudyStore.MemberRow::role).sorted().toList();
    return new Study(row.id(), row.settings(), row.owner(), annotators,
        store.frameCount(row.id()), mine, row.created());
  }

  /** Runs an action and records it, whatever its outcome. */
  private <T> T audited(String user, String action, Long studyId, Long frameId,
      Supplier<T> work) {
    long start = System.nanoTime();
    String outcome = "failed";
    try {
      // An unreachable database is the first thing to hear about: no other answer helps then.
      database.check();
      T result = work.get();
      outcome = "ok";
      return result;
    } catch (StudyException e) {
      outcome = e.outcome();
      throw e;
    } catch (DataAccessResourceFailureException | TransientDataAccessResourceException
        | CannotCreateTransactionException e) {
      // The database went away mid-study (a server restart, the network): a message, not a 500.
      StudiesUnavailableException lost = database.lost(e);
      outcome = lost.outcome();
      throw lost;
    } finally {
      audit.record(new StudyAudit.Event(user, action, studyId, frameId, outcome,
          (System.nanoTime() - start) / 1_000_000));
    }
  }
}
