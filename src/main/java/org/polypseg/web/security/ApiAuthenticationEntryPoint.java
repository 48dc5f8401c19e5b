package org.polypseg.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the API refuses a request without a valid sign-in, as a problem detail like its other
 * errors: 401 with {@code WWW-Authenticate: Basic} — the same answer for no credentials, an
 * unknown user and a wrong password — or, while the user name or address is in back-off or
 * locked out, 429 with {@code Retry-After}.
 */
final class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException failure) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    if (failure instanceof SignInThrottledException throttled) {
      response.setStatus(429);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
      problem.put("type", "urn:polypseg:problem:sign-in-throttled");
      problem.put("title", "Too many failed sign-ins");
      problem.put("status", 429);
      problem.put("detail", throttled.getMessage() + ".");
    } else {
      response.setStatus(401);
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"polypseg\", charset=\"UTF-8\"");
      problem.put("type", "urn:polypseg:problem:sign-in-required");
      problem.put("title", "Sign-in required");
      problem.put("status", 401);
      problem.put("detail", "Send the user name and password of a polypseg user with HTTP Basic "
          + "authentication. " + ThrottledAuthenticationProvider.WRONG_CREDENTIALS
          + ", or none given.");
    }
    problem.put("instance", request.getRequestURI());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(problem));
  }
}
