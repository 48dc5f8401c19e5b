package org.polypseg.web.api;

/** No clip with that id (never made, deleted or expired): a 404. */
public class VideoJobNotFoundException extends RuntimeException {
  public VideoJobNotFoundException(String message) {
    super(message);
  }
}
