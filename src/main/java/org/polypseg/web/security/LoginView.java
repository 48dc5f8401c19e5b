package org.polypseg.web.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.web.WebAttributes;

/**
 * The sign-in page, used when {@code polypseg.security.enabled} is true. Vaadin's login form posts
 * to Spring Security's {@code /login} with the CSRF token; a failed attempt comes back here with
 * {@code ?error}. With login off there is nothing to sign in to, and the page sends you on.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · polypseg")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver {

  private final boolean enabled;
  private final LoginForm form = new LoginForm();
  private final Paragraph idleNote = new Paragraph("You were signed out because the page was "
      + "left without activity; the images on it are gone. Sign in again to continue.");

  public LoginView(SecurityProperties properties) {
    this.enabled = properties.enabled();
    addClassName("login-view");
    form.setAction("login");
    form.setForgotPasswordButtonVisible(false);
    H1 title = new H1("polypseg");
    Paragraph note = new Paragraph("Polyp segmentation for research and education; sign in to "
        + "continue.");
    idleNote.setId("idle-note");
    idleNote.addClassName("idle-note");
    idleNote.getElement().setAttribute("role", "status");
    idleNote.setVisible(false);
    add(title, note, idleNote, form);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (!enabled) {
      event.forwardTo("");
      return;
    }
    var parameters = event.getLocation().getQueryParameters().getParameters();
    boolean failed = parameters.containsKey("error");
    LoginI18n i18n = LoginI18n.createDefault();
    if (failed && lastFailure() instanceof SignInThrottledException throttled) {
      i18n.getErrorMessage().setTitle("Too many failed sign-ins");
      i18n.getErrorMessage().setMessage(throttled.getMessage() + ". The administrator who set "
          + "up this server can help if you have forgotten your password.");
    } else {
      i18n.getErrorMessage().setTitle("Wrong user name or password");
      i18n.getErrorMessage().setMessage("Check them and try again; the administrator who set up "
          + "this server can reset a password.");
    }
    form.setI18n(i18n);
    form.setError(failed);
    idleNote.setVisible(!failed && (parameters.containsKey("idle") || signedOutIdle()));
  }

  /** Why the last sign-in failed, as Spring Security left it in the session. */
  private static Object lastFailure() {
    WrappedSession session = VaadinSession.getCurrent() == null ? null
        : VaadinSession.getCurrent().getSession();
    return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
  }

  /** Whether the server signed this browser out for being idle; said once. */
  private static boolean signedOutIdle() {
    WrappedSession session = VaadinSession.getCurrent() == null ? null
        : VaadinSession.getCurrent().getSession();
    if (session == null || session.getAttribute(IdleSignOutFilter.SIGNED_OUT_IDLE) == null) {
      return false;
    }
    session.removeAttribute(IdleSignOutFilter.SIGNED_OUT_IDLE);
    return true;
  }
}
