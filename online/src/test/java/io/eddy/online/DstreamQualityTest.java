package io.eddy.online;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * D-Stream on the {@link EvolvingStream} with the same checks as DenStream and DBSTREAM
 * ({@link EvolvingStreamQualityTest}): ARI at least 0.9 on the last window while the clusters
 * are well separated, more than half the noise labelled NOISE, ids that follow the truth.
 *
 * <p>Settings: grids of 0.5 (two standard deviations of a cluster), so N = 43² grids over the
 * [-10, 10]² domain; lambda = 0.9998 (a horizon 1/(1 - lambda) of 5,000 points), long enough
 * that the average grid density {@code 1/(N(1 - lambda))} stays above one point, so a lone
 * noise point is sparse as the paper intends (with the default 0.998 it would be dense).
 */
class DstreamQualityTest {

  @Test
  public void dstream_evolvingStream_highAriAndNoiseDetected() throws IOException {
    EvolvingStreamQualityTest.check("dstream",
        new Dstream(Dstream.Params.DEFAULTS.withGridSize(0.5).withLambda(0.9998)));
  }
}
