package org.polypseg.web.api;

import java.net.URI;
import org.polypseg.study.MaskConflictException;
import org.polypseg.study.StudiesUnavailableException;
import org.polypseg.study.StudyAccessDeniedException;
import org.polypseg.study.StudyInputException;
import org.polypseg.study.StudyNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The study API's errors as problem details: 400 a user's mistake, 403 not allowed, 404 no such
 * study (or not in it), 409 a stale save (with {@code currentVersion}), 503 studies unavailable.
 */
@RestControllerAdvice(assignableTypes = {StudyController.class,
    StudyFrameImportController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StudyExceptionHandler {

  static final URI BAD_INPUT = URI.create("urn:polypseg:problem:study-input");
  static final URI FORBIDDEN = URI.create("urn:polypseg:problem:forbidden");
  static final URI CONFLICT = URI.create("urn:polypseg:problem:mask-conflict");
  static final URI UNAVAILABLE = URI.create("urn:polypseg:problem:studies-unavailable");

  @ExceptionHandler(StudyInputException.class)
  ProblemDetail input(StudyInputException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage(), "Cannot do that with this study",
        BAD_INPUT);
  }

  @ExceptionHandler(StudyAccessDeniedException.class)
  ProblemDetail denied(StudyAccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, e.getMessage(), "Not allowed", FORBIDDEN);
  }

  @ExceptionHandler(StudyNotFoundException.class)
  ProblemDetail notFound(StudyNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage(), "Not found",
        ApiExceptionHandler.NOT_FOUND);
  }

  @ExceptionHandler(MaskConflictException.class)
  ProblemDetail conflict(MaskConflictException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, e.getMessage(), "Saved elsewhere meanwhile",
        CONFLICT);
    problem.setProperty("currentVersion", e.currentVersion());
    return problem;
  }

  @ExceptionHandler(StudiesUnavailableException.class)
  ProblemDetail unavailable(StudiesUnavailableException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), "Studies unavailable",
        UNAVAILABLE);
  }

  private static ProblemDetail problem(HttpStatus status, String detail, String title, URI type) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(type);
    return problem;
  }
}
