package org.polypseg.archive;

import java.io.Serializable;

/**
 * One file for the job: a frame (with its ground-truth mask, if any) or a clip.
 *
 * @param path the file, as a Hadoop path string (file:/..., hdfs://..., s3a://...)
 * @param clip true for a clip, false for a single frame
 * @param mask the frame's ground-truth mask, or null
 */
public record WorkItem(String path, boolean clip, String mask) implements Serializable {}
