package org.polypseg.cli;

/** A mistake of the user's (bad option value, missing file): printed as is, exit code 2. */
public class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }
}
