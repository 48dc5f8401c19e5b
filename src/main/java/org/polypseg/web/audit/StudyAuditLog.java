package org.polypseg.web.audit;

import org.polypseg.study.StudyAudit;
import org.springframework.stereotype.Component;

/**
 * Study actions into the audit log: one line each, action {@code study}, the item naming what
 * was done to which study and frame (by number), the user the study service was told, and the
 * client's address from the current request.
 */
@Component
public class StudyAuditLog implements StudyAudit {

  private final AuditLog audit;

  public StudyAuditLog(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void record(Event event) {
    Actor request = Actor.current();
    audit.record(new AuditEvent(java.time.Instant.now(), event.user(), request.address(),
        AuditAction.STUDY.label(), null, event.outcome(), null, event.item(), event.durationMs()));
  }
}
