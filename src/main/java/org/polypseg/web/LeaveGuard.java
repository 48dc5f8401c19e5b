package org.polypseg.web;

import com.vaadin.flow.component.UI;

/**
 * The browser's "leave this page?" question (beforeunload) while the tab holds unsaved work: a
 * segmented image changed since a report with it was downloaded. Moving between the app's pages
 * does not unload the page, and the work survives a reload; the question is for closing the tab
 * or leaving the site, where it would be lost for this tab.
 */
final class LeaveGuard {

  private LeaveGuard() {}

  /** Installs the listener once per loaded page; it asks only while the flag is set. */
  static void install(UI ui) {
    ui.getPage().executeJs("""
        if (!window.polypsegLeaveGuard) {
          window.polypsegLeaveGuard = true;
          window.addEventListener('beforeunload', e => {
            if (window.polypsegUnsaved) {
              e.preventDefault();
              e.returnValue = '';
            }
          });
        }""");
  }

  /** Asks before leaving from now on when {@code unsaved}, else not. */
  static void set(UI ui, boolean unsaved) {
    ui.getPage().executeJs("window.polypsegUnsaved = $0", unsaved);
  }

  /**
   * Stops asking, before the server itself sends the page elsewhere (sign-out, idle sign-out):
   * the session, and the work with it, is ending anyway, and a question would keep patient frames
   * on screen.
   */
  static void release(UI ui) {
    set(ui, false);
  }
}
