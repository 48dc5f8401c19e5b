package org.polypseg.archive;

/**
 * What a run did, written as {@code summary.json} beside the tables.
 *
 * @param output the output folder
 * @param master the Spark master it ran on
 * @param cores cores Spark had for it (its default parallelism)
 * @param files files found (frames and clips)
 * @param images single frames segmented
 * @param clips clips analysed
 * @param clipFrames frames read from the clips (with stride &gt; 1 more than were segmented)
 * @param frames rows of {@code frames}: segmented frames, single or from clips
 * @param polypFrames frames in which the polyp covers at least {@link
 *     org.polypseg.video.Stretch#MIN_AREA_FRACTION} of the picture (the rule of a detection
 *     stretch)
 * @param polypFrameShare polypFrames / frames, 0..1
 * @param errors rows of {@code errors}: files that could not be used
 * @param threshold 0..1
 * @param stride clips' stride
 * @param modelName the model's name
 * @param modelSha256 its weights' SHA-256
 * @param seconds wall time from the first task to the last table written, seconds
 * @param framesPerSecond frames / seconds
 */
public record ArchiveSummary(String output, String master, int cores, long files, long images,
    long clips, long clipFrames, long frames, long polypFrames, double polypFrameShare,
    long errors, double threshold, int stride, String modelName, String modelSha256,
    double seconds, double framesPerSecond) {}
