package org.polypseg.web;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;

/**
 * The page's side of the idle sign-out ({@code idle-guard.ts}): warns a minute before (or half the
 * time, when that is shorter) and signs out when the time is up. The server's {@code
 * IdleSignOutFilter} enforces the same time; this component makes it visible and tells the server
 * about activity that stays in the browser.
 */
@Tag("idle-guard")
@JsModule("./idle-guard.ts")
final class IdleGuard extends Component {

  IdleGuard(Duration timeout) {
    long seconds = Math.max(2, timeout.toSeconds());
    getElement().setAttribute("timeout-seconds", Long.toString(seconds));
    getElement().setAttribute("warning-seconds", Long.toString(Math.min(60, seconds / 2)));
    getElement().setAttribute("ping-seconds", Long.toString(Math.max(1, Math.min(30, seconds / 4))));
  }

  /** The user did something in the browser; the request itself is the activity. */
  @ClientCallable
  void active() {}

  /** The time is up: end the session and show the login view, which says why. */
  @ClientCallable
  void expired() {
    getUI().ifPresent(ui -> {
      LeaveGuard.release(ui);
      ui.getPage().setLocation("login?idle");
    });
    VaadinSession.getCurrent().getSession().invalidate();
  }
}
