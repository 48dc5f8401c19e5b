package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.dom.Element;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** An unknown address: a 404 inside the app's frame, saying so, with a way home. */
class NotFoundViewTest {

  @Test
  void anUnknownAddressIsA404InsideTheAppFrameWithALinkHome() {
    assertThat(RouteNotFoundError.class).isAssignableFrom(NotFoundView.class);
    assertThat(NotFoundView.class.getAnnotation(ParentLayout.class).value())
        .isEqualTo(MainLayout.class);

    UI ui = mock(UI.class);
    when(ui.getPage()).thenReturn(mock(com.vaadin.flow.component.page.Page.class));
    BeforeEnterEvent event = mock(BeforeEnterEvent.class);
    when(event.getUI()).thenReturn(ui);
    when(event.getLocation()).thenReturn(new Location("no-such-page"));
    NotFoundView view = new NotFoundView();
    int status = view.setErrorParameter(event,
        new ErrorParameter<>(NotFoundException.class, new NotFoundException()));

    assertThat(status).isEqualTo(404);
    String text = view.getElement().getTextRecursively();
    assertThat(text).contains("Page not found", "There is no page at /no-such-page");
    Element link = descendants(view.getElement())
        .filter(e -> !e.isTextNode() && "not-found-home".equals(e.getAttribute("id")))
        .findFirst().orElseThrow();
    assertThat(link.getAttribute("href")).isEqualTo(".");
    assertThat(link.getTextRecursively()).isEqualTo("Go to the segmentation page");
  }

  private static Stream<Element> descendants(Element e) {
    return Stream.concat(Stream.of(e), e.getChildren().flatMap(NotFoundViewTest::descendants));
  }
}
