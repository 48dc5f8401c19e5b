package org.polypseg.data;

import java.nio.file.Path;

/**
 * An image and its ground-truth mask, matched by base name.
 *
 * @param name the shared base name (file name without extension)
 * @param image the image file
 * @param mask the mask file (polyp where grey level &gt; 128)
 */
public record SamplePair(String name, Path image, Path mask) {}
