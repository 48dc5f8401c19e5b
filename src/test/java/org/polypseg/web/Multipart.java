package org.polypseg.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data request body built by hand, for real HTTP calls in tests. */
public final class Multipart {

  private final String boundary = "----polypseg" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  public Multipart file(String name, String fileName, byte[] content) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  public Multipart field(String name, String value) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
        + value + "\r\n");
    return this;
  }

  /** POSTs the form and returns the answer as text. */
  public HttpResponse<String> post(URI uri) throws Exception {
    return send(uri, null, HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs the form with an Authorization header (none when null). */
  public HttpResponse<String> post(URI uri, String authorization) throws Exception {
    return send(uri, authorization, HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs the form and returns the answer as bytes (documents, images). */
  public HttpResponse<byte[]> postForBytes(URI uri) throws Exception {
    return send(uri, null, HttpResponse.BodyHandlers.ofByteArray());
  }

  private <T> HttpResponse<T> send(URI uri, String authorization,
      HttpResponse.BodyHandler<T> handler) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request(uri, authorization), handler);
    }
  }

  /** The POST of the form, to send with a client of the test's own (authorization may be null). */
  public HttpRequest request(URI uri, String authorization) {
    write("--" + boundary + "--\r\n");
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder.build();
  }

  private void write(String s) {
    body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
