package org.polypseg.web;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.polypseg.segment.MaskEdits;
import org.polypseg.image.BurnedInText;
import org.polypseg.image.Redaction;
import org.polypseg.segment.ImageFigures;
import org.polypseg.segment.Segmentation;
import org.polypseg.segment.SegmentationImages;
import org.polypseg.segment.SegmentationService;
import org.polypseg.segment.ThresholdAnalysis;

/**
 * One uploaded image on the page and everything the page knows about it: the decoded image, the
 * model's segmentation, the threshold the user settled on, an optional ground-truth mask and a
 * case label. Downloads (and reports) are made from this state.
 *
 * <p>Changed on the UI thread only (inside {@code UI.access} when it comes from a worker).
 */
public final class ImageCase {

  /** Where a case is in its life. */
  public enum Status {
    /** Uploaded; decoding and segmentation are queued or running. */
    SEGMENTING,
    /** Segmented; the overlay and metrics can be shown. */
    DONE,
    /** The file could not be used; {@link #error()} says why. */
    FAILED
  }

  /** Threshold a new case starts with, as on the API. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  private static final AtomicInteger IDS = new AtomicInteger();

  private final int id = IDS.incrementAndGet();
  private final String fileName;
  private final String uploadTag;
  private Status status = Status.SEGMENTING;
  private String error;
  private BufferedImage image;
  private Segmentation segmentation;
  private double threshold = DEFAULT_THRESHOLD;
  private ThresholdAnalysis analysis;
  private boolean[] truth;
  private String truthFileName;
  private MaskEdits edits;
  private String label;
  private CompletableFuture<byte[]> displayPng;
  private Redaction redaction = Redaction.NONE;
  private boolean redactionConfirmed;
  private Redaction proposedRedaction;
  private CompletableFuture<byte[]> probabilityPng;
  // Bumped by every change a report would show; "unsaved" is a change since the last report.
  private int revision;
  private int reportedRevision;

  /**
   * @param fileName as uploaded
   * @param uploadTag the upload's hash tag ({@link UploadTag}), for the audit log
   */
  public ImageCase(String fileName, String uploadTag) {
    this.fileName = Objects.requireNonNull(fileName);
    this.uploadTag = uploadTag;
    this.label = baseName(fileName);
  }

  /** A number unique in this JVM, for element ids and download names. */
  public int id() {
    return id;
  }

  /** The upload's hash tag, as the audit log names it. */
  public String uploadTag() {
    return uploadTag;
  }

  public String fileName() {
    return fileName;
  }

  public Status status() {
    return status;
  }

  /** Why the file could not be used (names the file), or null. */
  public String error() {
    return error;
  }

  /** The decoded RGB image, or null until segmented. */
  public BufferedImage image() {
    return image;
  }

  /** The model's segmentation, or null until segmented. */
  public Segmentation segmentation() {
    return segmentation;
  }

  /** The threshold the user settled on, 0..1. */
  public double threshold() {
    return threshold;
  }

  /** The segmentation read at {@link #threshold()}, or null until segmented. */
  public ThresholdAnalysis analysis() {
    return analysis;
  }

  /** The ground-truth mask (true = polyp) at the image's size, or null. */
  public boolean[] truth() {
    return truth;
  }

  /** The file name of the ground-truth mask, or null. */
  public String truthFileName() {
    return truthFileName;
  }

  /** A label for reports; starts as the file name without its extension. */
  public String label() {
    return label;
  }

  public void setLabel(String label) {
    String next = label == null || label.isBlank() ? baseName(fileName) : label.strip();
    if (!next.equals(this.label)) {
      this.label = next;
      revision++;
    }
  }

  /** A number that changes whenever something a report shows changes. */
  public int revision() {
    return revision;
  }

  /** A report made at {@code revision} of this case was downloaded. */
  public void reported(int revision) {
    reportedRevision = Math.max(reportedRevision, revision);
  }

  /** True when segmented and changed since the last report downloaded with it (or never in one). */
  public boolean changedSinceReport() {
    return isDone() && revision != reportedRevision;
  }

  /**
   * The decoded image as PNG, redacted ({@link #displayImage}): what the browser shows (TIFF
   * becomes viewable, and the browser sees the pixels the model saw, but for the redaction boxes).
   * Waits for the encoding when it is still under way.
   */
  public byte[] displayPng() {
    return displayPng.join();
  }

  /** The probability map as a grey PNG (255 = 1.0) for the page's overlay. */
  public byte[] probabilityPng() {
    return probabilityPng.join();
  }

  public boolean isDone() {
    return status == Status.DONE;
  }


  /**
   * This image's row of the figures downloads: its figures at the settled threshold when
   * segmented, its error when it failed, null while it is still being segmented.
   */
  public ImageFigures figures() {
    return switch (status) {
      case DONE -> ImageFigures.of(fileName, image.getWidth(), image.getHeight(), analysis,
          corrected());
      case FAILED -> ImageFigures.failed(fileName, error);
      case SEGMENTING -> null;
    };
  }

  /** The boxes blanked in every picture of this image; none until the user applies some. */
  public Redaction redaction() {
    return redaction;
  }

  /** True once the user applied boxes (or none) in the redaction editor. */
  public boolean redactionConfirmed() {
    return redactionConfirmed;
  }

  /** The default boxes for this image ({@link BurnedInText}), for the user to confirm. */
  public Redaction proposedRedaction() {
    if (proposedRedaction == null) {
      proposedRedaction = BurnedInText.propose(image);
    }
    return proposedRedaction;
  }

  /**
   * Blanks {@code boxes} in every picture of this image from now on: the image shown (its PNG is
   * made again), the overlay, the reports. The model's segmentation, made from the original, and
   * its figures stay as they are.
   *
   * @throws IllegalArgumentException when not segmented yet, or naming a box outside the image
   */
  public void setRedaction(Redaction boxes) {
    if (!isDone()) {
      throw new IllegalArgumentException(
          "wait until " + fileName + " is segmented before redacting it");
    }
    boxes.checkedFor(image.getWidth(), image.getHeight());
    redactionConfirmed = true;
    if (!boxes.equals(redaction)) {
      redaction = boxes;
      BufferedImage shown = displayImage();
      displayPng = CompletableFuture.supplyAsync(() -> SegmentationImages.png(shown));
      revision++;
    }
  }

  /** The image with the redaction boxes black: the picture shown and exported. */
  public BufferedImage displayImage() {
    return redaction.apply(image);
  }

  /**
   * The overlay PNG's picture: the redacted image with the polyp tinted and outlined at the
   * threshold, the truth's outline, and the boxes black over all of it.
   */
  public BufferedImage overlayPicture() {
    return redaction.apply(
        SegmentationImages.overlay(image, segmentation, threshold, edits, truth));
  }

  /** Records the segmentation and reads it at the current threshold. */
  public void completed(BufferedImage image, Segmentation segmentation) {
    completed(image, segmentation,
        CompletableFuture.supplyAsync(() -> SegmentationImages.png(image)),
        CompletableFuture.supplyAsync(
            () -> SegmentationImages.png(SegmentationImages.probabilityImage(segmentation))));
  }

  /** Records the segmentation with its PNGs (done or being encoded) and reads it. */
  public void completed(BufferedImage image, Segmentation segmentation,
      CompletableFuture<byte[]> displayPng, CompletableFuture<byte[]> probabilityPng) {
    this.image = image;
    this.segmentation = segmentation;
    this.displayPng = displayPng;
    this.probabilityPng = probabilityPng;
    this.status = Status.DONE;
    this.error = null;
    revision++;
    reanalyse();
  }

  /** Records why the file could not be used; {@code message} names the file. */
  public void failed(String message) {
    this.status = Status.FAILED;
    this.error = message;
  }

  /** Sets the threshold (clamped to 0..1) and re-reads the segmentation at it. */
  public void setThreshold(double value) {
    double clamped = Math.max(0, Math.min(1, value));
    if (clamped != threshold || analysis == null) {
      threshold = clamped;
      revision++;
      reanalyse();
    }
  }

  /**
   * Attaches a ground-truth mask.
   *
   * @throws IllegalArgumentException when the case is not segmented yet or the mask's size differs
   *     from the image's; the message names both files
   */
  public void attachTruth(String maskFileName, boolean[] mask, int width, int height) {
    if (!isDone()) {
      throw new IllegalArgumentException(
          maskFileName + ": wait until " + fileName + " is segmented before adding its mask");
    }
    if (width != image.getWidth() || height != image.getHeight()) {
      throw new IllegalArgumentException(maskFileName + ": the mask is " + width + "×" + height
          + " px but " + fileName + " is " + image.getWidth() + "×" + image.getHeight() + " px");
    }
    this.truth = mask;
    this.truthFileName = maskFileName;
    revision++;
    reanalyse();
  }

  /** The hand corrections of the predicted mask, or null when it is as predicted. */
  public MaskEdits edits() {
    return edits;
  }

  /** True when the mask was corrected by hand (some pixel painted or erased). */
  public boolean corrected() {
    return edits != null;
  }

  /** The mask as the figures and exports use it: thresholded, with the hand corrections. */
  public boolean[] mask() {
    return SegmentationImages.mask(segmentation, threshold, edits);
  }

  /**
   * Takes the page's hand corrections (their text form, {@link MaskEdits}); empty text discards
   * them.
   *
   * @throws IllegalArgumentException when the case is not segmented or the text does not fit the
   *     image; the message names the file
   */
  public void setEdits(String text) {
    if (!isDone()) {
      throw new IllegalArgumentException(fileName + ": wait until it is segmented to correct it");
    }
    MaskEdits next;
    try {
      next = MaskEdits.parse(text, image.getWidth(), image.getHeight());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(fileName + ": " + e.getMessage(), e);
    }
    if (next != null && next.changedPixels() == 0) {
      next = null;
    }
    edits = next;
    revision++;
    reanalyse();
  }

  public void removeTruth() {
    this.truth = null;
    this.truthFileName = null;
    revision++;
    reanalyse();
  }

  private void reanalyse() {
    if (segmentation != null) {
      analysis = SegmentationService.analyze(segmentation, threshold, edits, truth);
    }
  }

  public static String baseName(String fileName) {
    String name = fileName.replaceAll(".*[/\\\\]", "");
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
