package org.polypseg.web.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.polypseg.web.PageQueue;
import org.polypseg.web.SegmentationJobs;
import org.springframework.web.multipart.MultipartFile;

/**
 * The images of a multi-image request (figures, reports), checked and queued for segmentation in
 * the request's order, with their masks paired by base name.
 *
 * @param names each image's file name, as the answers name it
 * @param masks the masks, paired with the images
 * @param outcomes each image's segmentation, in the same order
 */
record QueuedImages(List<String> names, MaskMatcher masks,
    List<CompletableFuture<SegmentationJobs.Outcome>> outcomes) {

  /**
   * Checks the request (at most {@code maxFiles} images, masks that pair with them, every file
   * within the size limit) and queues every image at once: segmentation runs while the caller
   * goes on, under {@code client} ({@code Actor.key()}). A request's own queue feeds the shared
   * one a batch's worth at a time, so that a request of many images stays inside its client's
   * share of the queue.
   *
   * @throws BadUploadException for too many images or masks that do not pair
   * @throws UploadTooLargeException for a file over the limit
   */
  static QueuedImages of(List<MultipartFile> images, List<MultipartFile> masks, int maxFiles,
      SegmentationJobs jobs, String client) throws IOException {
    List<MultipartFile> maskParts = masks == null ? List.of() : masks;
    if (images.size() > maxFiles) {
      throw new BadUploadException("Too many images",
          images.size() + " images in one request; at most " + maxFiles + " are accepted");
    }
    MaskMatcher matcher = MaskMatcher.of(images, maskParts);
    for (MultipartFile file : images) {
      UploadChecks.size(file, UploadChecks.nameOf(file, "image"), jobs.limits());
    }
    for (MultipartFile file : maskParts) {
      UploadChecks.size(file, UploadChecks.nameOf(file, "mask"), jobs.limits());
    }
    PageQueue queue = new PageQueue(jobs);
    List<String> names = new ArrayList<>();
    List<CompletableFuture<SegmentationJobs.Outcome>> outcomes = new ArrayList<>();
    for (MultipartFile image : images) {
      String name = UploadChecks.nameOf(image, "image");
      names.add(name);
      outcomes.add(queue.submit(client, name, image.getBytes()));
    }
    return new QueuedImages(List.copyOf(names), matcher, List.copyOf(outcomes));
  }
}
