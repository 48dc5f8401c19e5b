package org.polypseg.web.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The server cannot make reports: a template or the model's {@code metrics.json} is broken. Not the
 * caller's fault, so a 500, but with the message that names the file for whoever runs the server.
 */
class ReportUnavailableException extends ErrorResponseException {

  static final URI TYPE = URI.create("urn:polypseg:problem:report-unavailable");

  ReportUnavailableException(String message) {
    super(HttpStatus.INTERNAL_SERVER_ERROR, problem(message), null);
  }

  private static ProblemDetail problem(String message) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, message);
    problem.setTitle("Reports are unavailable");
    problem.setType(TYPE);
    return problem;
  }
}
