package org.polypseg.web;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;

/**
 * The overlay with its threshold slider, drawn in the browser by {@code threshold-overlay.ts}: it
 * gets the image and the probability map once and redraws on every slider movement without asking
 * the server; the server hears the settled value through {@link ThresholdChangedEvent}.
 */
@Tag("threshold-overlay")
@JsModule("./threshold-overlay.ts")
public class ThresholdOverlay extends Component implements HasSize {

  public ThresholdOverlay() {
    // Take the client's value when it settles, so the server never echoes a stale one back.
    getElement().addPropertyChangeListener("threshold", "threshold-changed", event -> {});
  }

  /** Sets the original image and the probability map (grey PNG, 255 = 1.0), same size. */
  public void setSources(DownloadHandler image, DownloadHandler probabilities) {
    getElement().setAttribute("image-src", image);
    getElement().setAttribute("probability-src", probabilities);
  }

  /** Sets the heat map (same size as the image): the original and heat map views show beside. */
  public void setHeatMap(DownloadHandler heat) {
    getElement().setAttribute("heat-src", heat);
  }

  /** The image's name, for the views' accessible names. */
  public void setImageName(String name) {
    getElement().setAttribute("image-name", name);
  }

  /** Offers the brush and eraser; the corrections come back in {@link EditsChangedEvent}. */
  public void setEditable(boolean editable) {
    getElement().setAttribute("editable", editable);
  }

  /** The hand corrections to show (their text form, {@code MaskEdits}); empty for none. */
  public void setEdits(String text) {
    getElement().setAttribute("edits", text == null ? "" : text);
  }

  public Registration addEditsChangedListener(ComponentEventListener<EditsChangedEvent> listener) {
    return addListener(EditsChangedEvent.class, listener);
  }

  /** Dice at thresholds 0.00..1.00 ({@code ThresholdCurve}), drawn with the best marked; null: none. */
  public void setDiceCurve(double[] curve) {
    if (curve == null) {
      getElement().removeAttribute("dice-curve");
    } else {
      StringBuilder text = new StringBuilder();
      for (double d : curve) {
        text.append(text.isEmpty() ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.4f", d));
      }
      getElement().setAttribute("dice-curve", text.toString());
    }
  }

  /** Sets the ground-truth mask (grey PNG, white = polyp) to outline, or none when null. */
  public void setTruth(DownloadHandler truth) {
    if (truth == null) {
      getElement().removeAttribute("truth-src");
    } else {
      getElement().setAttribute("truth-src", truth);
    }
  }

  public void setThreshold(double threshold) {
    getElement().setProperty("threshold", threshold);
  }

  public double getThreshold() {
    return getElement().getProperty("threshold", ImageCase.DEFAULT_THRESHOLD);
  }

  public Registration addThresholdChangedListener(
      ComponentEventListener<ThresholdChangedEvent> listener) {
    return addListener(ThresholdChangedEvent.class, listener);
  }

  /** The user let the slider rest on a value (debounced in the browser). */
  @DomEvent("threshold-changed")
  public static class ThresholdChangedEvent extends ComponentEvent<ThresholdOverlay> {
    private final double value;

    public ThresholdChangedEvent(
        ThresholdOverlay source, boolean fromClient, @EventData("event.detail.value") double value) {
      super(source, fromClient);
      this.value = value;
    }

    /** The threshold, 0..1. */
    public double getValue() {
      return value;
    }
  }

  /** A brush stroke, undo, redo or "Discard corrections" changed the hand corrections. */
  @DomEvent("edits-changed")
  public static class EditsChangedEvent extends ComponentEvent<ThresholdOverlay> {
    private final String edits;

    public EditsChangedEvent(
        ThresholdOverlay source, boolean fromClient, @EventData("event.detail.edits") String edits) {
      super(source, fromClient);
      this.edits = edits;
    }

    /** The corrections in their text form ({@code MaskEdits}); empty when none are left. */
    public String getEdits() {
      return edits;
    }
  }
}
