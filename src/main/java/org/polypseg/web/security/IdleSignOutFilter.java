package org.polypseg.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs out a page that has been idle for {@code idleTimeout}: the server's side of the idle
 * sign-out (the page's {@code idle-guard} warns a minute before and signs out on time; this
 * covers a tab that was asleep, or a client that does not run the page's script).
 *
 * <p>Vaadin's heartbeats, which an open tab sends by itself, are not activity; every other request
 * of a signed-in session is. The servlet container's session timeout cannot do this: the heartbeats
 * keep a session alive, and Tomcat counts its timeout in whole minutes.
 */
public final class IdleSignOutFilter extends OncePerRequestFilter {

  /** Session attribute: when the signed-in user last did something (epoch milliseconds). */
  static final String LAST_ACTIVITY = "polypseg.lastActivity";

  /** Session attribute set on the fresh session after an idle sign-out, for the login view. */
  public static final String SIGNED_OUT_IDLE = "polypseg.signedOutIdle";

  private final Duration idleTimeout;
  private final Clock clock;

  public IdleSignOutFilter(Duration idleTimeout, Clock clock) {
    this.idleTimeout = idleTimeout;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && signedIn(session)) {
      long now = clock.millis();
      Object last = session.getAttribute(LAST_ACTIVITY);
      if (last instanceof Long since && now - since >= idleTimeout.toMillis()) {
        session.invalidate();
        request.getSession(true).setAttribute(SIGNED_OUT_IDLE, Boolean.TRUE);
      } else if (!isHeartbeat(request)) {
        session.setAttribute(LAST_ACTIVITY, now);
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean signedIn(HttpSession session) {
    return session.getAttribute(
        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
  }

  private static boolean isHeartbeat(HttpServletRequest request) {
    return "heartbeat".equals(request.getParameter("v-r"));
  }
}
