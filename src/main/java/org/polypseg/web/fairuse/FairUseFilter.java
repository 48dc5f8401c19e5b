package org.polypseg.web.fairuse;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.polypseg.web.audit.Actor;
import org.polypseg.web.audit.AuditAction;
import org.polypseg.web.audit.AuditLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limit on the API's costly work that is not inference ({@link #costly}: reports, clips
 * and clip reports; images are shared fairly by the inference queue instead, which never caps a
 * user alone on the server): a request over its client's allowance is answered 429 with
 * {@code Retry-After} (whole seconds) and a problem detail before its body is read, and, when it
 * would have touched patient data, recorded in the audit log (without upload tags: the upload is
 * not read). Runs after Spring Security, so a signed-in user is counted as themself wherever they
 * come from, and before the API's audit filter, which reads the uploads.
 */
public final class FairUseFilter extends OncePerRequestFilter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final FairUse fairUse;
  private final AuditLog audit;

  public FairUseFilter(FairUse fairUse, AuditLog audit) {
    this.fairUse = fairUse;
    this.audit = audit;
  }

  /**
   * Whether a request costs the server work that no queue shares out: making a report
   * ({@code POST /api/reports}, a clip's {@code GET /api/videos/{id}/report}) or analysing a clip
   * ({@code POST /api/videos}: decoding and encoding on top of its frames' inference).
   */
  public static boolean costly(String method, String path) {
    String m = method.toUpperCase(java.util.Locale.ROOT);
    return m.equals("POST") && (path.equals("/api/reports") || path.equals("/api/videos"))
        || m.equals("GET") && path.matches("/api/videos/[^/]+/report");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !costly(request.getMethod(),
        request.getRequestURI().substring(request.getContextPath().length()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Actor actor = Actor.current();
    Optional<Duration> wait = fairUse.take(actor.key());
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    AuditAction.ofApiRequest(request)
        .ifPresent(action -> audit.begin(action, actor).end("rate-limited", 429));
    long seconds = RetryAfter.seconds(wait.get());
    response.setStatus(429);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:polypseg:problem:rate-limited");
    problem.put("title", "Too many requests");
    problem.put("status", 429);
    problem.put("detail", "This client has used its allowance of requests for now; try again in "
        + seconds + " s.");
    problem.put("instance", request.getRequestURI());
    response.getWriter().write(JSON.writeValueAsString(problem));
  }
}
