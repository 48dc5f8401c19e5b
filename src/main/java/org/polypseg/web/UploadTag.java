package org.polypseg.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the logs name an upload: the first 8 hex digits of the SHA-256 of its bytes. File names of
 * colonoscopy frames often carry a patient's name, number or date; the tag carries none of that
 * but still lets an administrator match a user's report ("under 3fa9c2d1") to a log line.
 */
public final class UploadTag {

  private UploadTag() {}

  public static String of(byte[] bytes) {
    return tag(sha256().digest(bytes));
  }

  /** The tag of everything {@code in} gives, read through without holding it in memory. */
  public static String of(InputStream in) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return tag(digest.digest());
  }

  private static String tag(byte[] digest) {
    return "upload-" + HexFormat.of().formatHex(digest, 0, 4);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
