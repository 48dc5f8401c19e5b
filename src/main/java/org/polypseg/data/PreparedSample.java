package org.polypseg.data;

/**
 * A training sample resized to the model's input size, kept compactly in memory.
 *
 * @param name base name
 * @param size side in pixels
 * @param rgb channel-first RGB bytes, 3 x size x size
 * @param mask 0 or 1 per pixel, size x size
 */
public record PreparedSample(String name, int size, byte[] rgb, byte[] mask) {}
