package org.polypseg.web;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.polypseg.segment.ModelOverview;
import org.polypseg.web.security.SecurityProperties;

/** The frame around every page: the product's name, the navigation and the model in use. */
@PermitAll // Vaadin checks the layout too when login is on
public class MainLayout extends Div implements RouterLayout {

  private final Main page = new Main();

  public MainLayout(ModelOverview model, AuthenticationContext authentication,
      SecurityProperties security) {
    addClassName("page-frame");
    Image logo = new Image("icons/polypseg.svg", "");
    logo.addClassName("brand-logo");
    Span name = new Span("polypseg");
    name.addClassName("brand-name");
    Span tagline = new Span("polyp segmentation · hybrid quantum-classical U-Net");
    tagline.addClassName("brand-tagline");
    Div brand = new Div(logo, name, tagline);
    brand.addClassName("brand");

    RouterLink segment = new RouterLink("Segment", SegmentView.class);
    RouterLink modelPage = new RouterLink("Model", ModelView.class);
    RouterLink studiesPage = new RouterLink("Studies", StudiesView.class);
    Anchor api = new Anchor("swagger-ui/index.html", "API", AnchorTarget.BLANK);
    api.setRouterIgnore(true);
    Nav nav = new Nav(segment, modelPage, studiesPage, api);
    nav.addClassName("main-nav");

    Span modelChip = new Span(
        model.summary().name() + " · " + model.summary().sha256().substring(0, 8));
    modelChip.addClassName("model-chip");
    modelChip.getElement().setAttribute("title",
        "Model in use; weights SHA-256 " + model.summary().sha256());

    Header bar = new Header(brand, nav, modelChip);
    // Only when login is on (polypseg.security.enabled) is anyone signed in.
    if (authentication.isAuthenticated()) {
      Button signOut = new Button("Sign out", e -> {
        e.getSource().getUI().ifPresent(LeaveGuard::release);
        authentication.logout();
      });
      signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      signOut.setId("sign-out");
      signOut.getElement().setAttribute("title",
          "Signed in as " + authentication.getPrincipalName().orElse("?"));
      bar.add(signOut);
      // An unattended workstation is signed out: patient frames are on the page.
      add(new IdleGuard(security.idleTimeout()));
    }
    bar.addClassName("top-bar");

    Footer footer = new Footer(new Span("polypseg is for research and education only. It is not "
        + "a medical device and must not be used to diagnose or treat patients."));
    footer.addClassName("app-footer");
    page.addClassName("page");
    add(bar, page, footer);
    // Vaadin's connection indicator sits outside the page's landmarks; it is a status message
    // ("connection lost…"), so say so: screen readers announce it, and it needs no landmark.
    getElement().executeJs("""
        const i = document.querySelector('vaadin-connection-indicator');
        if (i) { i.setAttribute('role', 'status'); }""");
  }

  @Override
  public void showRouterLayoutContent(HasElement content) {
    page.removeAll();
    if (content != null) {
      page.getElement().appendChild(content.getElement());
    }
  }

  @Override
  public void removeRouterLayoutContent(HasElement oldContent) {
    page.removeAll();
  }
}
