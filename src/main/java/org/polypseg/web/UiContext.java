package org.polypseg.web;

import com.vaadin.flow.server.Command;

/**
 * How page components reach the UI from other threads and tell the user about a problem. The page
 * uses {@code UI.access} and notifications; tests run the commands at once and record the messages.
 */
public interface UiContext {

  /** Runs {@code command} with the UI locked (at once when already on the UI thread). */
  void access(Command command);

  /** Tells the user that something went wrong; {@code message} names the file and the reason. */
  void error(String message);
}
