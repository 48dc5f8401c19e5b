package org.polypseg.web;

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
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "upload-" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
