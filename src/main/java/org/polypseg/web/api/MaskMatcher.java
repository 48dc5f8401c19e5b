package org.polypseg.web.api;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polypseg.image.ImageLimits;
import org.polypseg.segment.Segmentation;
import org.polypseg.web.ImageCase;
import org.springframework.web.multipart.MultipartFile;

/**
 * Pairs the {@code mask} parts of a request with its {@code image} parts by base name
 * ({@code cju1.jpg} with {@code cju1.png}), the way the {@code report} command pairs a masks folder
 * with its images. With one image and one mask the two belong together whatever their names.
 */
final class MaskMatcher {

  private final Map<Integer, MultipartFile> maskOfImage;

  private MaskMatcher(Map<Integer, MultipartFile> maskOfImage) {
    this.maskOfImage = maskOfImage;
  }

  /** @throws BadUploadException for a mask that matches no image, or two masks of one image */
  static MaskMatcher of(List<MultipartFile> images, List<MultipartFile> masks) {
    Map<Integer, MultipartFile> pairs = new HashMap<>();
    if (images.size() == 1 && masks.size() == 1) {
      pairs.put(0, masks.getFirst());
      return new MaskMatcher(pairs);
    }
    Map<String, Integer> imageByBase = new HashMap<>();
    for (int i = 0; i < images.size(); i++) {
      imageByBase.putIfAbsent(base(UploadChecks.nameOf(images.get(i), "image")), i);
    }
    for (MultipartFile mask : masks) {
      String maskName = UploadChecks.nameOf(mask, "mask");
      Integer image = imageByBase.get(base(maskName));
      if (image == null) {
        throw new BadUploadException("Mask without an image", maskName
            + ": no image of the request has this base name (masks are matched to images by "
            + "name, e.g. cju1.png with cju1.jpg)");
      }
      MultipartFile earlier = pairs.putIfAbsent(image, mask);
      if (earlier != null) {
        throw new BadUploadException("Two masks for one image", maskName + " and "
            + UploadChecks.nameOf(earlier, "mask") + " both match "
            + UploadChecks.nameOf(images.get(image), "image"));
      }
    }
    return new MaskMatcher(pairs);
  }

  /** The truth of image {@code index}, or null when it has no mask. */
  boolean[] truthFor(int index, String imageName, Segmentation s, ImageLimits limits)
      throws IOException {
    MultipartFile mask = maskOfImage.get(index);
    if (mask == null) {
      return null;
    }
    String maskName = UploadChecks.nameOf(mask, "mask");
    return UploadChecks.truth(UploadChecks.read(mask.getBytes(), maskName, limits), maskName, imageName, s);
  }

  private static String base(String fileName) {
    return ImageCase.baseName(fileName).toLowerCase(java.util.Locale.ROOT);
  }
}
