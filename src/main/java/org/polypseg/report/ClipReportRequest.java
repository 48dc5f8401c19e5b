package org.polypseg.report;

import java.awt.image.BufferedImage;
import java.time.ZonedDateTime;
import java.util.List;
import org.polypseg.segment.ModelSummary;
import org.polypseg.segment.Segmentation;

/**
 * What a clip's report is about.
 *
 * @param clipName the clip's file name as the user knows it
 * @param durationSeconds the clip's length, seconds
 * @param frames frames in the clip
 * @param framesAnalysed frames segmented by the model
 * @param stride every stride-th frame was segmented
 * @param framesPerSecond the clip's frame rate
 * @param width frame width, pixels
 * @param height frame height, pixels
 * @param threshold a pixel is polyp when its probability is &gt;= this, 0..1
 * @param timelineSeconds time of each analysed frame, seconds
 * @param timelineArea polyp area of each analysed frame at the threshold, 0..1
 * @param stretches the detection stretches, in clip order
 * @param model the model that analysed it
 * @param createdAt date and time printed on the report
 */
public record ClipReportRequest(String clipName, double durationSeconds, int frames,
    int framesAnalysed, int stride, double framesPerSecond, int width, int height,
    double threshold, double[] timelineSeconds, double[] timelineArea, List<StretchItem> stretches,
    ModelSummary model, ZonedDateTime createdAt) {

  public ClipReportRequest {
    stretches = List.copyOf(stretches);
    if (timelineSeconds.length != timelineArea.length) {
      throw new IllegalArgumentException("the timeline's times and areas differ in length");
    }
  }

  /**
   * One detection stretch: a run of analysed frames in which a polyp is shown.
   *
   * @param startSeconds its start, seconds from the clip's start
   * @param endSeconds its end, seconds
   * @param keyFrame the index of its frame with the largest polyp area
   * @param keyTimeSeconds that frame's time, seconds
   * @param keyImage that frame, or null when the report leaves its picture out
   * @param keySegmentation the model's map of it, or null with no picture
   */
  public record StretchItem(double startSeconds, double endSeconds, int keyFrame,
      double keyTimeSeconds, BufferedImage keyImage, Segmentation keySegmentation) {}
}
