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
import com.vaadin.flow.server.auth.AnonymousAllowed;

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

  public LoginView(SecurityProperties properties) {
    this.enabled = properties.enabled();
    addClassName("login-view");
    form.setAction("login");
    form.setForgotPasswordButtonVisible(false);
    LoginI18n i18n = LoginI18n.createDefault();
    i18n.getErrorMessage().setTitle("Wrong user name or password");
    i18n.getErrorMessage().setMessage("Check them and try again; the administrator who set up "
        + "this server can reset a password.");
    form.setI18n(i18n);
    H1 title = new H1("polypseg");
    Paragraph note = new Paragraph("Polyp segmentation for research and education; sign in to "
        + "continue.");
    add(title, note, form);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (!enabled) {
      event.forwardTo("");
      return;
    }
    form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
  }
}
