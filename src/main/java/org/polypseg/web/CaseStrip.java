package org.polypseg.web;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.polypseg.segment.SegmentationImages;

/**
 * The strip of uploaded images: a thumbnail and status for each; a click selects one, its × (or
 * Delete on the focused card) removes it, failed ones included.
 *
 * <p>A listbox for the keyboard: one Tab stop (the selected card; the others have tabindex -1),
 * the arrow keys, Home and End move the selection and the focus.
 */
public class CaseStrip extends Div {

  private final Map<ImageCase, Div> cards = new LinkedHashMap<>();
  private final Map<ImageCase, Span> statuses = new LinkedHashMap<>();
  private final Consumer<ImageCase> onSelect;
  private final Consumer<ImageCase> onRemove;

  public CaseStrip(Consumer<ImageCase> onSelect, Consumer<ImageCase> onRemove) {
    this.onSelect = onSelect;
    this.onRemove = onRemove;
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
      card.getElement().setAttribute("tabindex", cards.isEmpty() ? "0" : "-1");
      card.getElement().setAttribute("data-file", c.fileName());
      card.getElement().setAttribute("aria-keyshortcuts", "Delete");
      card.addClickListener(e -> onSelect.accept(c));
      card.getElement().addEventListener("keydown", e -> onSelect.accept(c))
          .setFilter("event.key === 'Enter' || event.key === ' '");
      card.getElement().addEventListener("keydown", e -> onRemove.accept(c))
          .setFilter("event.key === 'Delete'");
      card.getElement().addEventListener("keydown", e -> move(c, e.getEventData()
              .get("event.key").asString()))
          .addEventData("event.key")
          .setFilter("['ArrowLeft','ArrowRight','ArrowUp','ArrowDown','Home','End']"
              + ".includes(event.key)")
          .preventDefault();
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
        // No alt text: the card's name follows; a screen reader would read it twice.
        picture.add(new Image(Downloads.inlinePng("thumbnail.png",
            () -> SegmentationImages.thumbnail(c.displayImage(), 160)), ""));
        status.setText(areaText(c));
      }
    }
    Span name = new Span(c.fileName());
    name.addClassName("case-name");
    name.getElement().setAttribute("title", c.fileName());
    // For the mouse; the keyboard has Delete on the card and "Remove image" by the detail, and an
    // option may not hold a focusable control of its own.
    Span remove = new Span("×");
    remove.addClassName("case-remove");
    remove.getElement().setAttribute("aria-hidden", "true");
    remove.getElement().setAttribute("title", "Remove " + c.fileName());
    remove.getElement().addEventListener("click", e -> onRemove.accept(c)).stopPropagation();
    card.add(remove, picture, name, status);
    statuses.put(c, status);
  }

  /** The arrow keys, Home and End on the card of {@code from}: select and focus another card. */
  private void move(ImageCase from, String key) {
    List<ImageCase> order = new ArrayList<>(cards.keySet());
    int i = order.indexOf(from);
    if (i < 0) {
      return;
    }
    int next = switch (key) {
      case "ArrowLeft", "ArrowUp" -> Math.max(0, i - 1);
      case "ArrowRight", "ArrowDown" -> Math.min(order.size() - 1, i + 1);
      case "Home" -> 0;
      default -> order.size() - 1;
    };
    ImageCase target = order.get(next);
    onSelect.accept(target);
    focus(target);
  }

  /** Scrolls the strip so that the card of {@code c} is in view. */
  public void reveal(ImageCase c) {
    Div card = cards.get(c);
    if (card != null) {
      card.getElement().executeJs("this.scrollIntoView({block: 'nearest', inline: 'nearest'})");
    }
  }

  /** Takes the card of {@code c} away. */
  public void remove(ImageCase c) {
    Div card = cards.remove(c);
    statuses.remove(c);
    if (card != null) {
      card.removeFromParent();
    }
  }

  /** Takes every card away. */
  public void clear() {
    cards.clear();
    statuses.clear();
    removeAll();
  }

  /** Moves the keyboard focus to the card of {@code c}. */
  public void focus(ImageCase c) {
    Div card = cards.get(c);
    if (card != null) {
      card.getElement().executeJs("this.focus()");
    }
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
    boolean any = cards.containsKey(selected);
    boolean first = true;
    for (Map.Entry<ImageCase, Div> e : cards.entrySet()) {
      boolean on = e.getKey() == selected;
      Div card = e.getValue();
      card.getElement().setAttribute("aria-selected", Boolean.toString(on));
      card.setClassName("selected", on);
      // One Tab stop: the selected card, or the first when none is.
      card.getElement().setAttribute("tabindex", on || (!any && first) ? "0" : "-1");
      first = false;
    }
  }

  private static String areaText(ImageCase c) {
    // The share of the image's pixels, not a confidence: say so.
    return String.format(java.util.Locale.ROOT, "polyp: %.1f %% of image",
        100 * c.analysis().areaFraction());
  }

  /** The card's status as the page's styles and tests read it, or null without a card. */
  String statusOf(ImageCase c) {
    Div card = cards.get(c);
    return card == null ? null : card.getElement().getAttribute("data-status");
  }

  int size() {
    return cards.size();
  }
}
