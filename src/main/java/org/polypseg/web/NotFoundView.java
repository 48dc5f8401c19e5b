package org.polypseg.web;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteNotFoundError;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page for an address the app does not have: inside the app's frame (header, navigation,
 * footer), saying so in a sentence, with a link to the segmentation page. Answers 404.
 */
@PermitAll
@ParentLayout(MainLayout.class)
public class NotFoundView extends RouteNotFoundError {

  @Override
  public int setErrorParameter(BeforeEnterEvent event,
      ErrorParameter<NotFoundException> parameter) {
    getElement().removeAllChildren();
    event.getUI().getPage().setTitle("Page not found · polypseg");
    String path = event.getLocation().getPath();
    // The app's root, relative to the page's base address (so it works under a context path);
    // the page's work is kept in the session, so a full load of "/" loses nothing.
    Anchor home = new Anchor(".", "Go to the segmentation page");
    home.setId("not-found-home");
    Div box = new Div(new H1("Page not found"),
        new Paragraph("There is no page at /" + path + ". The address may be mistyped, or the "
            + "page may have moved."),
        new Paragraph(home));
    box.addClassName("not-found");
    box.setId("not-found");
    getElement().appendChild(box.getElement());
    return HttpServletResponse.SC_NOT_FOUND;
  }
}
