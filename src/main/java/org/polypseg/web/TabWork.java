package org.polypseg.web;

import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The work of one browser tab on the segmentation page: its images with their masks, thresholds
 * and labels, the one on screen, and its clips. It lives in the user's session, not in the page's
 * components, so that moving to the model page and back, back/forward and a reload show it again
 * (the router makes a new view each time, and a reload a new UI). In memory only, like everything
 * uploaded; it ends with the session: sign-out, idle sign-out, or expiry.
 *
 * <p>A tab is known by the browser window's name, which Vaadin's client sets once per tab and
 * keeps across reloads. Changed with the session locked ({@link #access}); the view on screen, if
 * any, hears of every change through its {@link Viewer}.
 */
final class TabWork {

  /** Session attribute: the work of every tab of the session, by window name. */
  private static final String TABS = TabWork.class.getName() + ".tabs";

  /** What the view on screen hears; called with the session locked. */
  interface Viewer {
    void caseAdded(ImageCase c);

    void caseChanged(ImageCase c);

    void caseFailed(ImageCase c, String message);

    /** {@code c} left the page without the user's asking (a mask that found its image). */
    void caseRemoved(ImageCase c);

    /** Something the user should know that concerns no card's state (it names the file). */
    void showError(String message);
  }

  /** A clip of this tab: its job's id (the job may have expired since) and its upload's tag. */
  record Clip(String jobId, String uploadTag) {}

  /** A checked ground-truth mask, as read from its file. */
  record MaskFile(String fileName, boolean[] truth, int width, int height) {}

  private final Consumer<Command> access;
  // Read without the lock by the upload's thread (to pair a mask with its image by name).
  private final List<ImageCase> cases = new CopyOnWriteArrayList<>();
  private final Map<ImageCase, MaskFile> waitingMasks = new ConcurrentHashMap<>();
  // Segmented uploads that are masks: they came before their image, which may still come.
  private final Map<ImageCase, MaskFile> masksAsImages = new ConcurrentHashMap<>();
  private final List<Clip> clips = new ArrayList<>();
  private ImageCase selected;
  private PageQueue queue;
  private Viewer viewer;

  /** @param access runs a command with the session locked (from any thread) */
  TabWork(Consumer<Command> access) {
    this.access = access;
  }

  /**
   * The work of browser tab {@code windowName} in {@code session}, made on first use. Call with
   * the session locked.
   */
  static TabWork of(VaadinSession session, String windowName) {
    @SuppressWarnings("unchecked")
    Map<String, TabWork> tabs = (Map<String, TabWork>) session.getAttribute(TABS);
    if (tabs == null) {
      tabs = new HashMap<>();
      session.setAttribute(TABS, tabs);
    }
    return tabs.computeIfAbsent(windowName, name -> new TabWork(session::access));
  }

  /** Runs {@code command} with the session locked, whether or not a view is on screen. */
  void access(Command command) {
    access.accept(command);
  }

  /** The view that shows this work from now on (a newer view replaces an older one). */
  void show(Viewer view) {
    viewer = view;
  }

  /** {@code view} is no longer on screen. */
  void hide(Viewer view) {
    if (viewer == view) {
      viewer = null;
    }
  }

  /** This tab's own queue to the shared workers: one per tab, whatever its views. */
  PageQueue queue(SegmentationJobs jobs) {
    if (queue == null) {
      queue = new PageQueue(jobs);
    }
    return queue;
  }

  void add(ImageCase c) {
    cases.add(c);
    if (viewer != null) {
      viewer.caseAdded(c);
    }
  }

  /** {@code c} changed (segmented); ignored when it was removed meanwhile. */
  void changed(ImageCase c) {
    if (viewer != null && cases.contains(c)) {
      viewer.caseChanged(c);
    }
  }

  /** {@code c} could not be used; ignored when it was removed meanwhile. */
  void failed(ImageCase c, String message) {
    if (viewer != null && cases.contains(c)) {
      viewer.caseFailed(c, message);
    }
  }

  /**
   * The image a mask named {@code maskFileName} belongs to, as the API pairs them: the same base
   * name, case aside ({@code cju1.png} with {@code cju1.jpg}), usable, and without a mask yet;
   * null when there is none. Any thread.
   */
  ImageCase partnerOf(String maskFileName) {
    return partnerOf(maskFileName, null);
  }

  private ImageCase partnerOf(String maskFileName, ImageCase except) {
    String base = ImageCase.baseName(maskFileName).toLowerCase(java.util.Locale.ROOT);
    for (ImageCase c : cases) {
      if (c != except && c.status() != ImageCase.Status.FAILED && c.truth() == null
          && !waitingMasks.containsKey(c) && !masksAsImages.containsKey(c) && ImageCase.baseName(c.fileName()).toLowerCase(java.util.Locale.ROOT).equals(base)) {
        return c;
      }
    }
    return null;
  }

  /** Keeps {@code mask} until {@code c}, still being segmented, is done. */
  void holdMask(ImageCase c, MaskFile mask) {
    waitingMasks.put(c, mask);
  }

  /**
   * Pairs a segmented upload with its partner when one of the two is a mask that came first:
   * {@code c} itself as the mask ({@code asMask} not null) of an image of its base name, or an
   * earlier mask as {@code c}'s. The mask's card leaves the page. Returns the image that gets (or
   * will get, once segmented) the mask, or null when nothing was paired.
   */
  ImageCase pairLateImage(ImageCase c, MaskFile asMask) {
    if (asMask != null) {
      ImageCase image = partnerOf(c.fileName(), c);
      if (image == null) {
        masksAsImages.put(c, asMask); // its image may come later
        return null;
      }
      holdMask(image, asMask);
      absorb(c, image);
      return image;
    }
    String base = ImageCase.baseName(c.fileName()).toLowerCase(java.util.Locale.ROOT);
    for (Map.Entry<ImageCase, MaskFile> mask : masksAsImages.entrySet()) {
      if (c.truth() == null && !waitingMasks.containsKey(c) && ImageCase.baseName(mask.getKey().fileName())
          .toLowerCase(java.util.Locale.ROOT).equals(base)) {
        holdMask(c, mask.getValue());
        absorb(mask.getKey(), c);
        return c;
      }
    }
    return null;
  }

  /** The mask's own card goes; the image it belongs to takes its place on screen. */
  private void absorb(ImageCase maskCase, ImageCase image) {
    boolean shown = selected == maskCase;
    remove(maskCase);
    if (shown) {
      selected = image;
    }
    if (viewer != null) {
      viewer.caseRemoved(maskCase);
    }
  }

  /** The mask that waited for {@code c}, now taken, or null. */
  MaskFile takeMask(ImageCase c) {
    return waitingMasks.remove(c);
  }

  /** Tells the user, when a view is on screen; {@code message} names the file. */
  void error(String message) {
    if (viewer != null) {
      viewer.showError(message);
    }
  }

  /** Forgets {@code c}; a result that arrives for it later is ignored. */
  void remove(ImageCase c) {
    cases.remove(c);
    waitingMasks.remove(c);
    masksAsImages.remove(c);
    if (selected == c) {
      selected = null;
    }
  }

  List<ImageCase> cases() {
    return Collections.unmodifiableList(cases);
  }

  ImageCase selected() {
    return selected;
  }

  void select(ImageCase c) {
    selected = c;
  }

  void addClip(Clip clip) {
    clips.addFirst(clip);
  }

  /** The clips, newest first. */
  List<Clip> clips() {
    return Collections.unmodifiableList(clips);
  }

  /** Forgets every image and clip; returns the clips, whose jobs the caller deletes. */
  List<Clip> clear() {
    List<Clip> forgotten = List.copyOf(clips);
    cases.clear();
    waitingMasks.clear();
    masksAsImages.clear();
    clips.clear();
    selected = null;
    return forgotten;
  }

  /** True when a segmented image changed since a report that includes it was downloaded. */
  boolean unsaved() {
    return cases.stream().anyMatch(ImageCase::changedSinceReport);
  }
}
