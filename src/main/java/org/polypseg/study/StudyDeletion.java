package org.polypseg.study;

/**
 * What deleting a study removed: rows of each table (every picture is in one of them).
 *
 * @param studies 1
 * @param members owner and annotator rows
 * @param frames frames, each with its picture and model mask
 * @param masks annotators' masks
 * @param references adjudicated masks
 */
public record StudyDeletion(int studies, int members, int frames, int masks, int references) {}
