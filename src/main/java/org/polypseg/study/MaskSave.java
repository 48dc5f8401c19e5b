package org.polypseg.study;

/**
 * A save of one's own mask.
 *
 * @param baseVersion the version the annotator started from: 0 for a first save, else the
 *     {@link SavedMask#version()} they loaded; a save from an older version is a conflict
 * @param mask the mask, at the frame's size; may be null with {@code noPolyp} (an empty one)
 * @param noPolyp "no polyp in this frame" (the mask must then be empty)
 * @param unsure "unsure" flag
 */
public record MaskSave(int baseVersion, MaskImage mask, boolean noPolyp, boolean unsure) {}
