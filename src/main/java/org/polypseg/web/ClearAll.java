package org.polypseg.web;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Locale;

/**
 * "Clear all", with the question in place rather than in a dialog: the button becomes "Remove all
 * 3 images and 1 clip from this page?" with "Remove all" and "Keep", and the focus moves with it.
 * Shown while the page holds anything.
 */
final class ClearAll extends HorizontalLayout {

  private final Button ask = new Button("Clear all", VaadinIcon.TRASH.create());
  private final Span question = new Span();
  private final Button confirm = new Button("Remove all");
  private final Button keep = new Button("Keep");
  private final HorizontalLayout confirmation = new HorizontalLayout(question, confirm, keep);

  /** @param onConfirm forgets everything; runs once the user confirmed */
  ClearAll(Runnable onConfirm) {
    addClassName("clear-all");
    setId("clear-all");
    setAlignItems(FlexComponent.Alignment.CENTER);
    ask.setId("clear-all-button");
    ask.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    question.setId("clear-all-question");
    question.getElement().setAttribute("role", "status");
    confirm.setId("clear-all-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR,
        ButtonVariant.LUMO_PRIMARY);
    keep.setId("clear-all-keep");
    keep.addThemeVariants(ButtonVariant.LUMO_SMALL);
    confirmation.setAlignItems(FlexComponent.Alignment.CENTER);
    confirmation.setVisible(false);
    ask.addClickListener(e -> {
      ask.setVisible(false);
      confirmation.setVisible(true);
      keep.focus();
    });
    keep.addClickListener(e -> {
      confirmation.setVisible(false);
      ask.setVisible(true);
      ask.focus();
    });
    confirm.addClickListener(e -> {
      confirmation.setVisible(false);
      ask.setVisible(true);
      onConfirm.run();
    });
    add(ask, confirmation);
    setVisible(false);
  }

  /** Shows "Clear all" while there is something to clear, and words the question for it. */
  void update(int images, int clips) {
    setVisible(images + clips > 0);
    if (images + clips == 0) {
      confirmation.setVisible(false);
      ask.setVisible(true);
    }
    String what = count(images, "image") + (images > 0 && clips > 0 ? " and " : "")
        + count(clips, "clip");
    question.setText("Remove " + (images + clips == 1 ? "" : "all ") + what
        + " from this page? Reports not downloaded are lost.");
  }

  private static String count(int n, String noun) {
    return n == 0 ? "" : String.format(Locale.ROOT, "%d %s%s", n, noun, n == 1 ? "" : "s");
  }

  /** For tests: asks, as a click on "Clear all" does. */
  void clickAsk() {
    ask.click();
  }

  /** For tests: confirms, as a click on "Remove all" does. */
  void clickConfirm() {
    confirm.click();
  }

  String questionText() {
    return question.getText();
  }

  boolean asking() {
    return confirmation.isVisible();
  }
}
