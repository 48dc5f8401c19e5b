package org.polypseg.web;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import org.polypseg.image.Redaction;

/**
 * The redaction boxes drawn on an image, by {@code redaction-editor.ts}: the user draws, moves and
 * deletes rectangles in the browser; the server hears each change as {@link BoxesChangedEvent}
 * with the boxes as {@link Redaction#format} writes them.
 */
@Tag("redaction-editor")
@JsModule("./redaction-editor.ts")
public class RedactionEditor extends Component implements HasSize {

  public RedactionEditor() {
    // Keep the client's boxes, so that the server never sends back a stale set.
    getElement().addPropertyChangeListener("boxes", "boxes-changed", event -> {});
  }

  /** The (unredacted) image and its size in pixels. */
  public void setImage(DownloadHandler image, int width, int height) {
    getElement().setAttribute("image-src", image);
    getElement().setAttribute("image-width", Integer.toString(width));
    getElement().setAttribute("image-height", Integer.toString(height));
  }

  public void setBoxes(Redaction redaction) {
    getElement().setProperty("boxes", redaction.format());
  }

  /** The boxes as the browser last sent them, "x,y,w,h;…". */
  public String getBoxes() {
    return getElement().getProperty("boxes", "");
  }

  public Registration addBoxesChangedListener(ComponentEventListener<BoxesChangedEvent> listener) {
    return addListener(BoxesChangedEvent.class, listener);
  }

  /** The user drew, moved or deleted a box. */
  @DomEvent("boxes-changed")
  public static class BoxesChangedEvent extends ComponentEvent<RedactionEditor> {
    private final String value;

    public BoxesChangedEvent(RedactionEditor source, boolean fromClient,
        @EventData("event.detail.value") String value) {
      super(source, fromClient);
      this.value = value;
    }

    /** The boxes, "x,y,w,h;…" in image pixels. */
    public String getValue() {
      return value;
    }
  }
}
