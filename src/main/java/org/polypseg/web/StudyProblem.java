package org.polypseg.web;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.function.Supplier;
import org.polypseg.study.StudyException;

/**
 * Why the last study action was refused (not allowed, a stale save, bad input, the database
 * away), said in a notification and kept in this line on the page until the next one, so that a
 * message such as a save conflict does not vanish with the notification. Never a stack trace:
 * only the service's refusals are caught; programming errors fail loudly.
 */
final class StudyProblem extends Paragraph {

  StudyProblem() {
    setId("study-problem");
    addClassName("study-warning");
    getElement().setAttribute("role", "alert");
    setVisible(false);
  }

  /** Runs a study action; when the service refuses it, says why and returns null. */
  <T> T attempt(Supplier<T> action) {
    try {
      return action.get();
    } catch (StudyException e) {
      show(e.getMessage());
      return null;
    }
  }

  /** Runs a study action with no result; false (and the reason said) when refused. */
  boolean attempt(Runnable action) {
    return attempt(() -> {
      action.run();
      return Boolean.TRUE;
    }) != null;
  }

  void show(String message) {
    setText(message);
    setVisible(true);
    Notification notification = new Notification();
    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    notification.setPosition(Notification.Position.BOTTOM_END);
    notification.setDuration(10000);
    Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> notification.close());
    close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    close.getElement().setAttribute("aria-label", "Close");
    HorizontalLayout content =
        new HorizontalLayout(VaadinIcon.WARNING.create(), new Span(message), close);
    content.setAlignItems(FlexComponent.Alignment.CENTER);
    notification.add(content);
    notification.addClassName("error-notification");
    notification.open();
  }

  void clear() {
    setText("");
    setVisible(false);
  }

  /** The last refusal, or empty. */
  String message() {
    return isVisible() ? getText() : "";
  }
}
