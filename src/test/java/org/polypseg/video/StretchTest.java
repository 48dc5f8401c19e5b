package org.polypseg.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StretchTest {

  @Test
  void runsOfFramesShowingAPolypAreStretchesWithTheirLargestFrameAsKey() {
    // Analysed every 2nd frame at 10 frames/s: a frame stands for 0.2 s.
    double[] area = {0, 0.01, 0.02, 0, 0, 0.5, 0.0019, 0.003};
    List<FrameFigures> frames = new ArrayList<>();
    for (int i = 0; i < area.length; i++) {
      frames.add(new FrameFigures(2 * i, 0.2 * i, area[i], area[i] > 0 ? 1 : 0, 0.9));
    }
    List<Stretch> stretches = Stretch.find(frames, area, 0.2);
    assertThat(stretches).hasSize(3);
    Stretch first = stretches.get(0);
    assertThat(first.firstFrame()).isEqualTo(2);
    assertThat(first.lastFrame()).isEqualTo(4);
    assertThat(first.keyFrame()).isEqualTo(4);
    assertThat(first.startSeconds()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(first.endSeconds()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(stretches.get(1).firstFrame()).isEqualTo(10);
    assertThat(stretches.get(1).seconds()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
    // 0.0019 is below the 0.2 % floor: frame 12 ends the second stretch, frame 14 starts a third.
    assertThat(stretches.get(2).firstFrame()).isEqualTo(14);
    assertThat(stretches.get(2).keyAreaFraction()).isEqualTo(0.003);
  }

  @Test
  void noStretchWithoutAPolyp() {
    List<FrameFigures> frames = List.of(new FrameFigures(0, 0, 0, 0, 0.1));
    assertThat(Stretch.find(frames, new double[] {0}, 0.04)).isEmpty();
  }
}
