package org.polypseg.web;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.polypseg.segment.SegmentationImages;

/** The strip of uploaded images: a thumbnail and status for each; a click selects one. */
public class CaseStrip extends Div {

  private final Map<ImageCase, Div> cards = new LinkedHashMap<>();
  private final Map<ImageCase, Span> statuses = new LinkedHashMap<>();
  private final Consumer<ImageCase> onSelect;

  public CaseStrip(Consumer<ImageCase> onSelect) {
    this.onSelect = onSelect;
    addClassName("case-strip");
    setId("case-strip");
    getElement().setAttribute("role", "listbox");
    getElement().setAttribute("aria-label", "Uploaded images");
  }

  /** Adds a card for a new case, or redraws the card of a known one after its status changed. */
  public void update(ImageCase c) {
    Div card = cards.get(c);
    if (card == null) {
      card = new Div();
      card.addClassName("case-card");
      card.getElement().setAttribute("role", "option");
      card.getElement().setAttribute("tabindex", "0");
      card.getElement().setAttribute("data-file", c.fileName());
      card.addClickListener(e -> onSelect.accept(c));
      card.getElement().addEventListener("keydown", e -> onSelect.accept(c))
          .setFilter("event.key === 'Enter' || event.key === ' '");
      cards.put(c, card);
      add(card);
    }
    card.removeAll();
    card.getElement().setAttribute("data-status", c.status().name().toLowerCase());
    Div picture = new Div();
    picture.addClassName("case-thumb");
    Span status = new Span();
    status.addClassName("case-status");
    switch (c.status()) {
      case SEGMENTING -> {
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        picture.add(bar);
        status.setText("Segmenting…");
      }
      case FAILED -> {
        picture.add(VaadinIcon.WARNING.create());
        status.setText("Not usable");
      }
      case DONE -> {
        picture.add(new Image(Downloads.inlinePng("thumbnail.png",
            () -> SegmentationImages.thumbnail(c.image(), 160)), c.fileName()));
        status.setText(areaText(c));
      }
    }
    Span name = new Span(c.fileName());
    name.addClassName("case-name");
    name.getElement().setAttribute("title", c.fileName());
    card.add(picture, name, status);
    statuses.put(c, status);
  }

  /** Refreshes the status line of a segmented case (its area changes with the threshold). */
  public void refreshStatus(ImageCase c) {
    Span status = statuses.get(c);
    if (status != null && c.isDone()) {
      status.setText(areaText(c));
    }
  }

  /** Marks {@code selected} as the current card. */
  public void select(ImageCase selected) {
    cards.forEach((c, card) -> {
      card.getElement().setAttribute("aria-selected", Boolean.toString(c == selected));
      card.setClassName("selected", c == selected);
    });
  }

  private static String areaText(ImageCase c) {
    return String.format(java.util.Locale.ROOT, "%.1f %% polyp", 100 * c.analysis().areaFraction());
  }

  int size() {
    return cards.size();
  }
}
