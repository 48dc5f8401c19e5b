package org.polypseg.study;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The SQL of studies, one statement per method; no access rules here (they are
 * {@link StudyService}'s). Every statement runs as written on H2 and PostgreSQL.
 */
final class StudyStore {

  private final StudyDatabase database;

  StudyStore(StudyDatabase database) {
    this.database = database;
  }

  private JdbcClient jdbc() {
    return database.jdbc();
  }

  /** A study's row. */
  record StudyRow(long id, String title, String owner, StudySettings.StartFrom startFrom,
      boolean blind, Instant created) {
    StudySettings settings() {
      return new StudySettings(title, startFrom, blind);
    }
  }

  /** A member's row. */
  record MemberRow(String username, StudyRole role) {}

  /** A frame's row, without its pictures. */
  record FrameRow(long id, long studyId, int seq, int width, int height, boolean hasModelMask,
      String redaction) {
    StudyFrame frame() {
      return new StudyFrame(id, seq, width, height, hasModelMask);
    }
  }

  /** A mask's row, its picture still PNG. */
  record MaskRow(long frameId, String annotator, byte[] png, boolean noPolyp, boolean unsure,
      int version, Instant saved) {
    SavedMask decode() {
      return new SavedMask(frameId, annotator, Pictures.readMask(png), noPolyp, unsure, version,
          saved);
    }
  }

  static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  // ---- studies and members

  long insertStudy(StudySettings s, String owner, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc().sql("INSERT INTO study (title, owner_name, start_from, blind, created_at) "
            + "VALUES (:title, :owner, :start, :blind, :at)")
        .param("title", s.title()).param("owner", owner).param("start", s.startFrom().label())
        .param("blind", s.blind()).param("at", utc(now))
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  void insertMember(long studyId, String username, StudyRole role, Instant now) {
    jdbc().sql("INSERT INTO study_member (study_id, username, member_role, added_at) "
            + "VALUES (:study, :user, :role, :at)")
        .param("study", studyId).param("user", username).param("role", role.label())
        .param("at", utc(now)).update();
  }

  Optional<StudyRow> study(long id) {
    return jdbc().sql("SELECT id, title, owner_name, start_from, blind, created_at FROM study "
            + "WHERE id = :id")
        .param("id", id).query(StudyStore::studyRow).optional();
  }

  /** The studies {@code username} is a member of, newest first. */
  List<StudyRow> studiesOf(String username) {
    return jdbc().sql("SELECT id, title, owner_name, start_from, blind, created_at FROM study "
            + "WHERE id IN (SELECT study_id FROM study_member WHERE username = :user) "
            + "ORDER BY id DESC")
        .param("user", username).query(StudyStore::studyRow).list();
  }

  private static StudyRow studyRow(ResultSet rs, int n) throws SQLException {
    return new StudyRow(rs.getLong("id"), rs.getString("title"), rs.getString("owner_name"),
        StudySettings.StartFrom.parse(rs.getString("start_from")), rs.getBoolean("blind"),
        instant(rs, "created_at"));
  }

  void updateSettings(long id, StudySettings s) {
    jdbc().sql("UPDATE study SET title = :title, start_from = :start, blind = :blind "
            + "WHERE id = :id")
        .param("title", s.title()).param("start", s.startFrom().label())
        .param("blind", s.blind()).param("id", id).update();
  }

  /** Members in the order they were added (the owner first). */
  List<MemberRow> members(long studyId) {
    return jdbc().sql("SELECT username, member_role FROM study_member WHERE study_id = :study "
            + "ORDER BY added_at, username, member_role")
        .param("study", studyId)
        .query((rs, n) -> new MemberRow(rs.getString("username"),
            StudyRole.of(rs.getString("member_role"))))
        .list();
  }

  int frameCount(long studyId) {
    return jdbc().sql("SELECT COUNT(*) FROM study_frame WHERE study_id = :study")
        .param("study", studyId).query(Integer.class).single();
  }

  // ---- frames

  int nextSeq(long studyId) {
    return jdbc().sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM study_frame WHERE study_id = :study")
        .param("study", studyId).query(Integer.class).single();
  }

  long insertFrame(long studyId, int seq, int width, int height, byte[] imagePng,
      byte[] modelMaskPng, String redaction, String confirmedBy, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc().sql("INSERT INTO study_frame (study_id, seq, width, height, image_png, model_mask_png, "
            + "redaction, redaction_confirmed_by, added_at) VALUES (:study, :seq, :w, :h, :image, "
            + ":model, :redaction, :by, :at)")
        .param("study", studyId).param("seq", seq).param("w", width).param("h", height)
        .param("image", imagePng).param("model", modelMaskPng, java.sql.Types.BINARY)
        .param("redaction", redaction).param("by", confirmedBy).param("at", utc(now))
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  private static final String FRAME_COLUMNS = "id, study_id, seq, width, height, "
      + "CASE WHEN model_mask_png IS NULL THEN FALSE ELSE TRUE END AS has_model, redaction";

  List<FrameRow> frames(long studyId) {
    return jdbc().sql("SELECT " + FRAME_COLUMNS + " FROM study_frame WHERE study_id = :study "
            + "ORDER BY seq")
        .param("study", studyId).query(StudyStore::frameRow).list();
  }

  Optional<FrameRow> frame(long studyId, long frameId) {
    return jdbc().sql("SELECT " + FRAME_COLUMNS + " FROM study_frame WHERE id = :id AND "
            + "study_id = :study")
        .param("id", frameId).param("study", studyId).query(StudyStore::frameRow).optional();
  }

  private static FrameRow frameRow(ResultSet rs, int n) throws SQLException {
    return new FrameRow(rs.getLong("id"), rs.getLong("study_id"), rs.getInt("seq"),
        rs.getInt("width"), rs.getInt("height"), rs.getBoolean("has_model"),
        rs.getString("redaction"));
  }

  byte[] frameImage(long frameId) {
    return jdbc().sql("SELECT image_png FROM study_frame WHERE id = :id")
        .param("id", frameId).query((rs, n) -> rs.getBytes(1)).single();
  }

  /** The stored model mask's PNG, or null. */
  byte[] modelMask(long frameId) {
    return jdbc().sql("SELECT model_mask_png FROM study_frame WHERE id = :id")
        .param("id", frameId).query((rs, n) -> rs.getBytes(1)).single();
  }

  // ---- masks

  private static final String MASK_COLUMNS =
      "frame_id, annotator, mask_png, no_polyp, unsure, mask_version, saved_at";

  private static MaskRow maskRow(ResultSet rs, int n) throws SQLException {
    return new MaskRow(rs.getLong("frame_id"), rs.getString("annotator"),
        rs.getBytes("mask_png"), rs.getBoolean("no_polyp"), rs.getBoolean("unsure"),
        rs.getInt("mask_version"), instant(rs, "saved_at"));
  }

  Optional<MaskRow> mask(long frameId, String annotator) {
    return jdbc().sql("SELECT " + MASK_COLUMNS + " FROM frame_mask WHERE frame_id = :frame AND "
            + "annotator = :annotator")
        .param("frame", frameId).param("annotator", annotator).query(StudyStore::maskRow)
        .optional();
  }

  /** The frame's masks by annotator. */
  Map<String, MaskRow> masksOfFrame(long frameId) {
    Map<String, MaskRow> byAnnotator = new LinkedHashMap<>();
    jdbc().sql("SELECT " + MASK_COLUMNS + " FROM frame_mask WHERE frame_id = :frame "
            + "ORDER BY annotator")
        .param("frame", frameId).query(StudyStore::maskRow).list()
        .forEach(m -> byAnnotator.put(m.annotator(), m));
    return byAnnotator;
  }

  /** Per annotator of a study: frame id → (version, noPolyp, unsure), without pictures. */
  record MaskState(long frameId, String annotator, int version, boolean noPolyp, boolean unsure) {}

  List<MaskState> maskStates(long studyId) {
    return jdbc().sql("SELECT m.frame_id, m.annotator, m.mask_version, m.no_polyp, m.unsure "
            + "FROM frame_mask m JOIN study_frame f ON f.id = m.frame_id "
            + "WHERE f.study_id = :study")
        .param("study", studyId)
        .query((rs, n) -> new MaskState(rs.getLong(1), rs.getString(2), rs.getInt(3),
            rs.getBoolean(4), rs.getBoolean(5)))
        .list();
  }

  /** A first save; false when a row is there already (someone saved first). */
  boolean insertMask(long frameId, String annotator, byte[] png, boolean noPolyp, boolean unsure,
      Instant now) {
    try {
      jdbc().sql("INSERT INTO frame_mask (frame_id, annotator, mask_png, no_polyp, unsure, "
              + "mask_version, saved_at) VALUES (:frame, :annotator, :png, :none, :unsure, 1, :at)")
          .param("frame", frameId).param("annotator", annotator).param("png", png)
          .param("none", noPolyp).param("unsure", unsure).param("at", utc(now)).update();
      return true;
    } catch (org.springframework.dao.DuplicateKeyException e) {
      return false;
    }
  }

  /** A later save from {@code baseVersion}; false when the kept version is another. */
  boolean updateMask(long frameId, String annotator, int baseVersion, byte[] png,
      boolean noPolyp, boolean unsure, Instant now) {
    return jdbc().sql("UPDATE frame_mask SET mask_png = :png, no_polyp = :none, unsure = :unsure, "
            + "mask_version = mask_version + 1, saved_at = :at WHERE frame_id = :frame AND "
            + "annotator = :annotator AND mask_version = :base")
        .param("png", png).param("none", noPolyp).param("unsure", unsure).param("at", utc(now))
        .param("frame", frameId).param("annotator", annotator).param("base", baseVersion)
        .update() == 1;
  }

  // ---- references

  Optional<byte[]> reference(long frameId) {
    return jdbc().sql("SELECT mask_png FROM reference_mask WHERE frame_id = :frame")
        .param("frame", frameId).query((rs, n) -> rs.getBytes(1)).optional();
  }

  List<Long> adjudicatedFrames(long studyId) {
    return jdbc().sql("SELECT r.frame_id FROM reference_mask r JOIN study_frame f ON "
            + "f.id = r.frame_id WHERE f.study_id = :study")
        .param("study", studyId).query(Long.class).list();
  }

  void putReference(long frameId, byte[] png, String by, Instant now) {
    int updated = jdbc().sql("UPDATE reference_mask SET mask_png = :png, adjudicated_by = :by, "
            + "adjudicated_at = :at WHERE frame_id = :frame")
        .param("png", png).param("by", by).param("at", utc(now)).param("frame", frameId).update();
    if (updated == 0) {
      jdbc().sql("INSERT INTO reference_mask (frame_id, mask_png, adjudicated_by, adjudicated_at) "
              + "VALUES (:frame, :png, :by, :at)")
          .param("frame", frameId).param("png", png).param("by", by).param("at", utc(now))
          .update();
    }
  }

  // ---- deletion

  /** Deletes every row of the study, table by table, and counts them. */
  StudyDeletion delete(long studyId) {
    String frames = "SELECT id FROM study_frame WHERE study_id = :study";
    int masks = jdbc().sql("DELETE FROM frame_mask WHERE frame_id IN (" + frames + ")")
        .param("study", studyId).update();
    int references = jdbc().sql("DELETE FROM reference_mask WHERE frame_id IN (" + frames + ")")
        .param("study", studyId).update();
    int frameRows = jdbc().sql("DELETE FROM study_frame WHERE study_id = :study")
        .param("study", studyId).update();
    int members = jdbc().sql("DELETE FROM study_member WHERE study_id = :study")
        .param("study", studyId).update();
    int studies = jdbc().sql("DELETE FROM study WHERE id = :study")
        .param("study", studyId).update();
    return new StudyDeletion(studies, members, frameRows, masks, references);
  }

  /** Rows of each study table that belong to {@code studyId}: for tests and checks. */
  Map<String, Integer> countRows(long studyId) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    String frames = "SELECT id FROM study_frame WHERE study_id = :study";
    counts.put("study", count("SELECT COUNT(*) FROM study WHERE id = :study", studyId));
    counts.put("study_member",
        count("SELECT COUNT(*) FROM study_member WHERE study_id = :study", studyId));
    counts.put("study_frame",
        count("SELECT COUNT(*) FROM study_frame WHERE study_id = :study", studyId));
    counts.put("frame_mask",
        count("SELECT COUNT(*) FROM frame_mask WHERE frame_id IN (" + frames + ")", studyId));
    counts.put("reference_mask",
        count("SELECT COUNT(*) FROM reference_mask WHERE frame_id IN (" + frames + ")", studyId));
    return counts;
  }

  private int count(String sql, long studyId) {
    return jdbc().sql(sql).param("study", studyId).query(Integer.class).single();
  }
}
