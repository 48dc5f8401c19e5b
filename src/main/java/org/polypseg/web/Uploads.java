package org.polypseg.web;

import com.vaadin.flow.server.streams.InMemoryUploadCallback;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import com.vaadin.flow.server.streams.UploadHandler;

/** Upload handlers that keep the file in memory and refuse, on the server too, one too large. */
final class Uploads {

  private Uploads() {}

  /**
   * An in-memory handler with a server-side size limit; the page's upload component checks the
   * same limit in the browser, so this only stops requests that bypass it.
   */
  static UploadHandler inMemory(long maxFileBytes, InMemoryUploadCallback callback) {
    return new InMemoryUploadHandler(callback) {
      @Override
      public long getFileSizeMax() {
        return maxFileBytes;
      }
    };
  }
}
