package org.polypseg.video;

import org.bytedeco.ffmpeg.global.avutil;

/** Process-wide settings of the FFmpeg libraries. */
final class Ffmpeg {

  private Ffmpeg() {}

  /**
   * Only fatal messages from FFmpeg itself: its notes on every encoder start and its warnings
   * about damaged data would go to stderr (the CLI's progress bar, the server's log); the user
   * gets our message naming the file instead.
   */
  static void quiet() {
    avutil.av_log_set_level(avutil.AV_LOG_FATAL);
  }
}
