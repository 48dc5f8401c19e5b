package org.polypseg.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Hostile and odd files, made by the tests themselves: what a shared server gets sent by mistake
 * or on purpose. Each comes with the answer the API documents for it.
 */
public final class HostileFiles {

  /**
   * One file and what the API must answer.
   *
   * @param fileName the name it is uploaded under (often lying about the format)
   * @param bytes its content
   * @param status the HTTP status the API answers
   * @param reason a part of the answer's detail that says why (after the file name)
   */
  public record HostileFile(String fileName, byte[] bytes, int status, String reason) {
    @Override
    public String toString() {
      return fileName;
    }
  }

  private HostileFiles() {}

  /** The corpus of issue 5: every file refused (400, or 413 over the size limit) but the 1×1. */
  public static List<HostileFile> corpus() {
    BufferedImage frame = SyntheticData.pair(160, 120, new Random(3))[0];
    byte[] jpeg = encode(frame, "jpg");
    byte[] png = encode(frame, "png");
    byte[] tiff = encode(frame, "tiff");
    return List.of(
        new HostileFile("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2), 400, "truncated"),
        new HostileFile("cut.png", Arrays.copyOf(png, png.length / 2), 400, "not a readable PNG"),
        new HostileFile("cut.tiff", Arrays.copyOf(tiff, tiff.length / 2), 400,
            "not a readable TIFF"),
        new HostileFile("report.png", pdf(), 400, "this is a PDF document, not an image"),
        new HostileFile("notes.png", "these are my notes, not an image\n".getBytes(
            StandardCharsets.UTF_8), 400, "not a recognised image format"),
        new HostileFile("empty.png", new byte[0], 400, "the file is empty"),
        new HostileFile("huge-header.png", pngHeaderClaiming(50_000, 50_000), 400,
            "50000×50000 px (2500.0 megapixels), more than the limit of 40.0 megapixels"),
        new HostileFile("jpeg2000.tif", tiffWithCompression(34712), 400,
            "not a readable TIFF image"),
        new HostileFile("animated.gif", animatedGif(), 400, "GIF images are not supported"),
        new HostileFile("drawing.svg", svg(), 400, "this is an SVG drawing, not a pixel image"),
        new HostileFile("huge.png", oversized(), 413,
            "the file is 21.0 MB, larger than the limit of 20.0 MB"),
        new HostileFile("one-pixel.png", encode(new BufferedImage(1, 1,
            BufferedImage.TYPE_INT_RGB), "png"), 200, ""));
  }

  /** 21 MB: a PNG signature and random bytes, over the default limit of 20 MB. */
  private static byte[] oversized() {
    byte[] bytes = new byte[21 * 1024 * 1024];
    new Random(1).nextBytes(bytes);
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, bytes, 0, 8);
    return bytes;
  }

  /** An image in a format ImageIO writes. */
  public static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A valid PNG signature and IHDR claiming the size, then a few bytes of IDAT and IEND. */
  public static byte[] pngHeaderClaiming(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0)
        .put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /** A little-endian 4×4 grey TIFF whose Compression tag (259) is {@code compression}. */
  public static byte[] tiffWithCompression(int compression) {
    short[][] entries = {
      {256, 3, 4}, {257, 3, 4}, {258, 3, 8}, {259, 3, (short) compression}, {262, 3, 1},
      {273, 4, 0}, {277, 3, 1}, {278, 3, 4}, {279, 4, 16}
    };
    int ifdSize = 2 + entries.length * 12 + 4;
    int dataOffset = 8 + ifdSize;
    ByteBuffer b = ByteBuffer.allocate(dataOffset + 16).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    b.putShort((short) entries.length);
    for (short[] e : entries) {
      b.putShort(e[0]).putShort(e[1]).putInt(1);
      int value = e[0] == 273 ? dataOffset : Short.toUnsignedInt(e[2]);
      if (e[1] == 3) {
        b.putShort((short) value).putShort((short) 0);
      } else {
        b.putInt(value);
      }
    }
    b.putInt(0);
    b.put(new byte[16]);
    return b.array();
  }

  /** The PNG with a tEXt chunk (keyword, text) right after its header, as scanners write one. */
  public static byte[] withTextChunk(byte[] png, String keyword, String text) {
    int afterHeader = 8 + 25;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, afterHeader);
    chunk(out, "tEXt", (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1));
    out.write(png, afterHeader, png.length - afterHeader);
    return out.toByteArray();
  }

  /** The chunk types of a PNG, in order. */
  public static List<String> pngChunks(byte[] png) {
    List<String> types = new java.util.ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(png);
    b.position(8);
    while (b.remaining() >= 12) {
      int length = b.getInt();
      byte[] type = new byte[4];
      b.get(type);
      types.add(new String(type, StandardCharsets.US_ASCII));
      b.position(b.position() + length + 4);
    }
    return types;
  }

  /** A two-frame animated GIF. */
  public static byte[] animatedGif() {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (Color colour : new Color[] {Color.RED, Color.BLUE}) {
        BufferedImage frame = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = frame.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 32, 32);
        g.dispose();
        IIOMetadata metadata = writer.getDefaultImageMetadata(
            ImageTypeSpecifier.createFromRenderedImage(frame), null);
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", "50");
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        metadata.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(frame, null, metadata), null);
      }
      writer.endWriteSequence();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** A minimal one-page PDF. */
  public static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A small SVG drawing of a "polyp". */
  public static byte[] svg() {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""
        + " width=\"64\" height=\"64\"><circle cx=\"32\" cy=\"32\" r=\"20\" fill=\"#963030\"/>"
        + "</svg>\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
