package org.polypseg.web.api;

import java.net.URI;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.video.VideoProperties;
import org.polypseg.web.fairuse.RetryAfter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem detail ({@code application/problem+json}): a user's bad
 * file is a 400 that names the file and the reason, a file over the limit a 413, a full inference
 * queue a 503 with {@code Retry-After}, a client over its share of the queue a 429 with it. Not limited to
 * the API's package: an over-large upload is refused before any controller is chosen.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  static final URI BAD_UPLOAD = URI.create("urn:polypseg:problem:bad-upload");
  static final URI TOO_LARGE = URI.create("urn:polypseg:problem:too-large");
  static final URI BUSY = URI.create("urn:polypseg:problem:busy");
  static final URI QUEUE_LIMIT = URI.create("urn:polypseg:problem:queue-limit");
  static final URI NOT_FOUND = URI.create("urn:polypseg:problem:not-found");
  static final URI NOT_READY = URI.create("urn:polypseg:problem:not-ready");
  static final URI BAD_CIRCUIT = URI.create("urn:polypseg:problem:bad-circuit-request");

  private final DataSize maxImageSize;
  private final long maxVideoBytes;

  public ApiExceptionHandler(PolypSegProperties properties, VideoProperties video) {
    this.maxImageSize = properties.maxImageSize();
    this.maxVideoBytes = video.maxSize().toBytes();
  }

  @ExceptionHandler(BadUploadException.class)
  ProblemDetail badUpload(BadUploadException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.title(), BAD_UPLOAD);
  }

  @ExceptionHandler(org.polypseg.segment.CircuitInputException.class)
  ProblemDetail badCircuitInput(org.polypseg.segment.CircuitInputException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage(), "Bad circuit request", BAD_CIRCUIT);
  }

  @ExceptionHandler(VideoJobNotFoundException.class)
  ProblemDetail notFound(VideoJobNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage(), "No such video job", NOT_FOUND);
  }

  @ExceptionHandler(VideoNotReadyException.class)
  ProblemDetail notReady(VideoNotReadyException e) {
    return problem(HttpStatus.CONFLICT, e.getMessage(), "Video analysis not finished", NOT_READY);
  }

  @ExceptionHandler(UploadTooLargeException.class)
  ProblemDetail tooLarge(UploadTooLargeException e) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), "Upload too large", TOO_LARGE);
  }

  private static ProblemDetail problem(HttpStatus status, String detail, String title, URI type) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(type);
    return problem;
  }

  /** 503 with Retry-After in whole seconds (RFC 9110), so that clients back off politely. */
  @ExceptionHandler(ServerBusyException.class)
  ResponseEntity<ProblemDetail> busy(ServerBusyException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Server busy");
    problem.setType(BUSY);
    long seconds = RetryAfter.seconds(e.retryAfter());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * 429 with Retry-After: this client already has its most images in the server; the others'
   * are served meanwhile.
   */
  @ExceptionHandler(OverQueueLimitException.class)
  ResponseEntity<ProblemDetail> overQueueLimit(OverQueueLimitException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
        e.getMessage());
    problem.setTitle("Too many images queued");
    problem.setType(QUEUE_LIMIT);
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(RetryAfter.seconds(e.retryAfter())))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
        "The request is larger than the server accepts; images and masks are limited to "
            + maxImageSize.toMegabytes() + " MB each, videos to " + (maxVideoBytes >> 20)
            + " MB.");
    problem.setTitle("Upload too large");
    problem.setType(TOO_LARGE);
    return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
  }
}
