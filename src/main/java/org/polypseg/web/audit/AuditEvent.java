package org.polypseg.web.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One line of the audit log. It holds no patient data: uploads are named by their hash tag
 * ({@code upload-} and 8 hex digits of the SHA-256 of the file), never by file name, and no case
 * label or pixel is written.
 *
 * @param time when the access ended (UTC)
 * @param user the signed-in user; null with login off, and for a failed sign-in (whose name may be
 *     a password typed in the wrong field)
 * @param address the client's address
 * @param action what was done ({@link AuditAction#label()})
 * @param uploads hash tags of the files involved, in order; empty when none was read
 * @param outcome {@code ok}, {@code rejected} (a bad file or request), {@code too-large},
 *     {@code busy}, {@code rate-limited}, {@code failed}, or for sign-ins {@code throttled}
 * @param status the HTTP status, for API requests; null on the page
 * @param item what was downloaded or made (e.g. {@code pdf}, {@code mask.png}); may be null
 * @param durationMs from the start of the access to its end, milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(Instant time, String user, String address, String action,
    List<String> uploads, String outcome, Integer status, String item, long durationMs) {

  public AuditEvent {
    uploads = uploads == null ? List.of() : List.copyOf(uploads);
  }
}
