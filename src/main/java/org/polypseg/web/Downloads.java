package org.polypseg.web;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.awt.image.BufferedImage;
import java.util.function.Supplier;
import org.polypseg.segment.SegmentationImages;

/** Download handlers that make their PNG when the browser asks, from the state at that moment. */
final class Downloads {

  private Downloads() {}

  /** A PNG made by {@code picture} on each request, offered under {@code fileName}. */
  static DownloadHandler png(String fileName, Supplier<BufferedImage> picture) {
    return event -> {
      byte[] png = SegmentationImages.png(picture.get());
      event.setFileName(fileName);
      event.setContentType("image/png");
      event.setContentLength(png.length);
      event.getOutputStream().write(png);
    };
  }

  /** PNG bytes made (or cached) by {@code png}, shown in the page (for img and canvas sources). */
  static DownloadHandler inlinePngBytes(String fileName, Supplier<byte[]> png) {
    return event -> {
      byte[] bytes = png.get();
      event.inline(fileName);
      event.setContentType("image/png");
      event.setContentLength(bytes.length);
      event.getOutputStream().write(bytes);
    };
  }

  /** Like {@link #png} but shown in the page rather than saved (for img and canvas sources). */
  static DownloadHandler inlinePng(String fileName, Supplier<BufferedImage> picture) {
    return event -> {
      byte[] png = SegmentationImages.png(picture.get());
      event.inline(fileName);
      event.setContentType("image/png");
      event.setContentLength(png.length);
      event.getOutputStream().write(png);
    };
  }

  /**
   * A download that looks like a small button: one link with the download attribute (the one
   * control a keyboard or screen reader meets; no button nested in it), so the browser saves what
   * {@code handler} sends.
   */
  static Anchor button(String text, DownloadHandler handler) {
    Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, "");
    Icon icon = VaadinIcon.DOWNLOAD_ALT.create();
    icon.getElement().setAttribute("aria-hidden", "true");
    anchor.add(icon, new Span(text));
    anchor.addClassName("download-button");
    return anchor;
  }
}
