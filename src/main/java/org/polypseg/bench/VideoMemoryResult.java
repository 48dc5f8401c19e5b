package org.polypseg.bench;

/**
 * What analysing a long clip cost the process in resident memory ({@link VideoMemory}).
 *
 * @param uploadBytes the clip's size: resident before the first reading, held by the job
 * @param residentBefore bytes before the clip was handed over
 * @param residentPeak the highest reading while it was analysed
 * @param residentAfter after it was done and a garbage collection, its results still held
 * @param annotatedBytes the annotated clip's size, held with the results
 */
public record VideoMemoryResult(double minutes, int width, int height, int frames,
    int framesAnalysed, String status, double seconds, long uploadBytes, long residentBefore,
    long residentPeak,
    long residentAfter, long annotatedBytes) {

  /** Peak growth with the upload, bytes: what the clip costs a server, the figure. */
  public long peakGrowth() {
    return residentPeak - residentBefore + uploadBytes;
  }
}
