package org.polypseg.video;

/** One analysed frame: its figures and its reduced probability map for scrubbing. */
public record AnalysedFrame(FrameFigures figures, ReducedMap map) {}
