package org.polypseg.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** Reading images with clear errors, and the resizing every part of the program shares. */
public final class Images {

  private static final Pattern TRUNCATION =
      Pattern.compile("(?i)truncat|premature end|missing eoi|unexpected end");

  /** Formats this program reads (the JDK's plus TwelveMonkeys' JPEG and TIFF readers). */
  public static final String SUPPORTED = "PNG, JPEG, TIFF, BMP";

  static {
    // In a Spring Boot fat jar the plugins sit in nested jars: make ImageIO look for them.
    ImageIO.scanForPlugins();
    keepStreamsInMemory();
  }

  private Images() {}

  /**
   * Makes ImageIO buffer streams in memory. By default it caches every stream made from an
   * InputStream or OutputStream in a temporary file, which would put each uploaded image and each
   * exported picture on the server's disk. Called at start-up and by this class.
   */
  public static void keepStreamsInMemory() {
    ImageIO.setUseCache(false);
  }

  /** Reads an image file as RGB within the default limits, or says which file and why not. */
  public static BufferedImage readRgb(Path file) throws ImageReadException {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > ImageLimits.DEFAULT.maxBytes()) {
        throw new ImageReadException(tooLarge(file.toString(), size, ImageLimits.DEFAULT));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ImageReadException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
    return readRgb(bytes, file.toString());
  }

  /** {@link #readRgb(byte[], String, ImageLimits)} within {@link ImageLimits#DEFAULT}. */
  public static BufferedImage readRgb(byte[] bytes, String name) throws ImageReadException {
    return readRgb(bytes, name, ImageLimits.DEFAULT);
  }

  /**
   * Decodes image bytes as RGB; {@code name} is used in the message when that fails. The format
   * is taken from the bytes, not the name; the size and the pixel count are checked before the
   * pixels are decoded; a JPEG's EXIF orientation is applied. A file that ends early is refused
   * even where the decoder would fill the missing part with grey. Grey, 16-bit and palette images
   * are expanded to RGB; an alpha channel is composited onto black.
   *
   * @throws ImageReadException naming the file, the reason and the supported formats; never any
   *     other exception for any bytes
   */
  public static BufferedImage readRgb(byte[] bytes, String name, ImageLimits limits)
      throws ImageReadException {
    if (bytes.length == 0) {
      throw new ImageReadException(name + ": the file is empty (0 bytes); supported: " + SUPPORTED);
    }
    if (bytes.length > limits.maxBytes()) {
      throw new ImageReadException(tooLarge(name, bytes.length, limits));
    }
    ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new ImageReadException(
        name + ": not a recognised image format; supported: " + SUPPORTED));
    if (!format.supported) {
      throw new ImageReadException(name + ": " + format.label + "; supported: " + SUPPORTED);
    }
    BufferedImage image;
    try {
      image = decode(bytes, name, format, limits);
    } catch (ImageReadException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ImageReadException(name + ": not a readable " + format.label + " image ("
          + reason(e) + "); supported: " + SUPPORTED, e);
    } catch (OutOfMemoryError e) {
      // The limits keep honest files far from this; a decoder fooled by a hostile one is the
      // file's fault, and the memory is free again once this frame unwinds.
      throw new ImageReadException(name + ": not a readable " + format.label + " image (it would"
          + " need more memory than the server has); supported: " + SUPPORTED);
    }
    BufferedImage rgb = toRgb(image);
    return format == ImageFormat.JPEG ? ExifOrientation.apply(rgb, ExifOrientation.of(bytes)) : rgb;
  }

  private static BufferedImage decode(byte[] bytes, String name, ImageFormat format,
      ImageLimits limits) throws IOException, ImageReadException {
    List<String> damage = new ArrayList<>();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
      if (!readers.hasNext()) {
        throw new IllegalStateException("no ImageIO reader for " + format.readerName);
      }
      ImageReader reader = readers.next();
      try {
        // JPEG decoders warn, rather than fail, on a file cut short.
        reader.addIIOReadWarningListener((source, warning) -> {
          if (TRUNCATION.matcher(warning).find()) {
            damage.add(warning);
          }
        });
        reader.setInput(in, true, true);
        checkHeader(reader, name, format, limits);
        BufferedImage image = reader.read(0);
        if (image == null) {
          throw new IOException("the decoder returned no image");
        }
        if (!damage.isEmpty()) {
          throw new ImageReadException(name + ": the image is truncated or damaged ("
              + damage.getFirst() + "); supported: " + SUPPORTED);
        }
        return image;
      } finally {
        reader.dispose();
      }
    }
  }

  /** Refuses, from the header alone, an image whose pixels would not fit the limits. */
  private static void checkHeader(ImageReader reader, String name, ImageFormat format,
      ImageLimits limits) throws IOException, ImageReadException {
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    if (width < 1 || height < 1) {
      throw new ImageReadException(name + ": the " + format.label + " header gives a size of "
          + width + "×" + height + " px; supported: " + SUPPORTED);
    }
    long pixels = (long) width * height;
    if (pixels > limits.maxPixels()) {
      throw new ImageReadException(String.format(Locale.ROOT,
          "%s: the image is %d×%d px (%.1f megapixels), more than the limit of %.1f megapixels;"
              + " supported: %s", name, width, height, pixels / 1e6, limits.maxPixels() / 1e6,
          SUPPORTED));
    }
    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
    if (types != null && types.hasNext()) {
      int[] sampleBits = types.next().getSampleModel().getSampleSize();
      long bitsPerPixel = 0;
      for (int bits : sampleBits) {
        bitsPerPixel += bits;
      }
      if (pixels * bitsPerPixel / 8 > limits.maxDecodedBytes()) {
        throw new ImageReadException(String.format(Locale.ROOT,
            "%s: the image has %d samples of up to %d bits per pixel; decoded it would exceed the"
                + " limit of %d MB; supported: %s", name, sampleBits.length,
            Arrays.stream(sampleBits).max().orElse(0), limits.maxDecodedBytes() >> 20,
            SUPPORTED));
      }
    }
  }

  private static String tooLarge(String name, long size, ImageLimits limits) {
    return limits.tooLarge(name, size) + "; supported: " + SUPPORTED;
  }

  /** What went wrong, in words: decoders often throw without a message. */
  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.io.EOFException) {
        return "the file ends early: truncated or damaged";
      }
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? "damaged data" : message;
  }

  /**
   * A copy of {@code image} as TYPE_INT_RGB: palette expanded, alpha composited onto black, grey
   * (8- or 16-bit) copied into R, G and B as it is; already-RGB images are returned as they are.
   */
  public static BufferedImage toRgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    if (image.getColorModel() instanceof ComponentColorModel cm
        && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
        && cm.getTransferType() != DataBuffer.TYPE_FLOAT
        && cm.getTransferType() != DataBuffer.TYPE_DOUBLE) {
      return greyToRgb(image);
    }
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return rgb;
  }

  /**
   * Grey images take their samples straight: Java's colour conversion treats the grey colour
   * space as linear and would brighten every mid-tone of a grey PNG or TIFF.
   */
  private static BufferedImage greyToRgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    Raster raster = image.getRaster();
    double greyMax = (1L << image.getColorModel().getComponentSize(0)) - 1;
    boolean alpha = image.getColorModel().hasAlpha() && raster.getNumBands() > 1;
    double alphaMax = alpha ? (1L << image.getColorModel().getComponentSize(1)) - 1 : 1;
    BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[w];
    int[] greys = new int[w];
    int[] alphas = new int[w];
    for (int y = 0; y < h; y++) {
      raster.getSamples(0, y, w, 1, 0, greys);
      if (alpha) {
        raster.getSamples(0, y, w, 1, 1, alphas);
      }
      for (int x = 0; x < w; x++) {
        double v = greys[x] / greyMax * (alpha ? alphas[x] / alphaMax : 1);
        int g = (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
        row[x] = (g << 16) | (g << 8) | g;
      }
      rgb.setRGB(0, y, w, 1, row, 0, w);
    }
    return rgb;
  }

  /**
   * Resizes with bilinear interpolation; when shrinking by more than half it halves step by step
   * first, so that downscaled frames are smoothed rather than aliased.
   */
  public static BufferedImage resize(BufferedImage image, int width, int height) {
    BufferedImage current = toRgb(image);
    int w = current.getWidth();
    int h = current.getHeight();
    while (w / 2 >= width && h / 2 >= height) {
      w /= 2;
      h /= 2;
      current = draw(current, w, h);
    }
    if (w == width && h == height) {
      return current;
    }
    return draw(current, width, height);
  }

  private static BufferedImage draw(BufferedImage source, int width, int height) {
    BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(source, 0, 0, width, height, null);
    g.dispose();
    return target;
  }

  /**
   * Bilinear resize of a single-channel float map (row-major), pixel centres aligned the way
   * PyTorch's {@code align_corners=false} and MATLAB's imresize do it.
   */
  public static float[] resizeMap(float[] map, int width, int height, int newWidth, int newHeight) {
    if (width == newWidth && height == newHeight) {
      return map.clone();
    }
    float[] out = new float[newWidth * newHeight];
    double sx = (double) width / newWidth;
    double sy = (double) height / newHeight;
    // The columns' source pixels and weights are the same on every row: work them out once
    // (this runs on every segmented image and video frame, at the image's full size).
    int[] x0s = new int[newWidth];
    int[] x1s = new int[newWidth];
    double[] wxs = new double[newWidth];
    for (int x = 0; x < newWidth; x++) {
      double fx = Math.max(0, (x + 0.5) * sx - 0.5);
      x0s[x] = Math.min((int) fx, width - 1);
      x1s[x] = Math.min(x0s[x] + 1, width - 1);
      wxs[x] = fx - x0s[x];
    }
    // Each source row resized across once (a frame has ~1.5 times as many rows as the map, and
    // each output row blends two of them); the same arithmetic, in the same order, as blending
    // the four neighbours of every output pixel.
    double[][] across = new double[height][];
    for (int y = 0; y < newHeight; y++) {
      double fy = Math.max(0, (y + 0.5) * sy - 0.5);
      int y0 = Math.min((int) fy, height - 1);
      int y1 = Math.min(y0 + 1, height - 1);
      double wy = fy - y0;
      double[] top = across(map, width, y0, across, x0s, x1s, wxs);
      double[] bottom = across(map, width, y1, across, x0s, x1s, wxs);
      int o = y * newWidth;
      for (int x = 0; x < newWidth; x++) {
        out[o + x] = (float) (top[x] * (1 - wy) + bottom[x] * wy);
      }
    }
    return out;
  }

  /** Source row {@code y} of {@code map} resized across, worked out once and kept in {@code rows}. */
  private static double[] across(float[] map, int width, int y, double[][] rows, int[] x0s,
      int[] x1s, double[] wxs) {
    if (rows[y] == null) {
      double[] row = new double[x0s.length];
      int r = y * width;
      for (int x = 0; x < row.length; x++) {
        double wx = wxs[x];
        row[x] = map[r + x0s[x]] * (1 - wx) + map[r + x1s[x]] * wx;
      }
      rows[y] = row;
    }
    return rows[y];
  }

  /** Grey level 0..255 of every pixel (the mean of R, G and B), row-major. */
  public static int[] grey(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    int[] grey = new int[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      int p = rgb[i];
      grey[i] = (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3;
    }
    return grey;
  }

  /** A binary mask by the datasets' rule: the polyp is grey level &gt; 128. */
  public static boolean[] binaryMask(BufferedImage mask) {
    int[] grey = grey(mask);
    boolean[] truth = new boolean[grey.length];
    for (int i = 0; i < grey.length; i++) {
      truth[i] = grey[i] > 128;
    }
    return truth;
  }

  /**
   * True when the bytes start like a video container (MP4/MOV, WebM/Matroska, AVI): the page then
   * takes the file as a clip rather than refusing it as an image.
   */
  public static boolean looksLikeVideo(byte[] bytes) {
    return ImageFormat.sniff(bytes).filter(f -> f == ImageFormat.VIDEO).isPresent();
  }

  /**
   * The media type of a picture this app reads ({@code image/png}, {@code image/jpeg},
   * {@code image/tiff}, {@code image/bmp}), from its first bytes; empty for anything else.
   */
  public static Optional<String> mediaType(byte[] bytes) {
    return ImageFormat.sniff(bytes).filter(f -> f.supported).map(f -> "image/" + f.readerName);
  }

  /** An 8-bit grey image of a [0, 1] map, for PNG output. */
  public static BufferedImage greyImage(float[] map, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < map.length; i++) {
      data[i] = (byte) Math.round(Math.max(0f, Math.min(1f, map[i])) * 255f);
    }
    return image;
  }
}
