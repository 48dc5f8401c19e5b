package org.polypseg.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polypseg.web.UploadTag;
import org.polypseg.web.audit.AuditAction;
import org.polypseg.web.audit.AuditLog;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One audit line per API request that touches patient data: who (user or address), what
 * (segment, report, video, download), the hash tags of the uploaded files, the outcome read from
 * the answer's status, and how long it took. Inside the rate limit, which records the requests it
 * refuses itself, so that a refused upload is never parsed. The file parts are hashed as a
 * stream; their names are never written.
 */
public final class ApiAuditFilter extends OncePerRequestFilter {

  private final AuditLog audit;

  public ApiAuditFilter(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Optional<AuditAction> action = AuditAction.ofApiRequest(request);
    if (action.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    AuditLog.Entry entry = audit.begin(action.get());
    entry.uploads(uploadTags(request));
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      entry.end("failed", 500);
      throw e;
    }
    entry.end(outcome(response.getStatus()), response.getStatus());
  }

  static String outcome(int status) {
    if (status < 400) {
      return "ok";
    }
    return switch (status) {
      case 413 -> "too-large";
      case 429 -> "rate-limited";
      case 503 -> "busy";
      case 401, 403 -> "refused";
      default -> status < 500 ? "rejected" : "failed";
    };
  }

  /** Hash tags of the uploaded files, in order; none when the body is not a readable multipart. */
  private static List<String> uploadTags(HttpServletRequest request) {
    List<String> tags = new ArrayList<>();
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return tags;
    }
    try {
      for (Part part : request.getParts()) {
        if (part.getSubmittedFileName() != null) {
          try (InputStream in = part.getInputStream()) {
            tags.add(UploadTag.of(in));
          }
        }
      }
    } catch (IOException | ServletException | IllegalStateException e) {
      // Too large or malformed: the controller's error handling answers it (413 or 400), and the
      // line is written without tags.
    }
    return tags;
  }
}
