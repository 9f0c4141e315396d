package io.eddy.benchmarks.features;

import io.eddy.features.CleaningRule;
import io.eddy.features.IncrementalRfm;
import io.eddy.features.Transaction;
import java.util.HashMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link IncrementalRfm#accept(Transaction)} per transaction in steady state: 20,000 known
 * customers (the CDNOW scale), transactions in time order with invoice ids, 1% returns and
 * 0.5% zero amounts for the cleaning rules. The baseline is the least an RFM update needs: a
 * hash look-up of the customer and updates of a last time, a count and a sum.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar IncrementalRfmBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IncrementalRfmBenchmark {

  private static final int N = 1 << 18;
  private static final int MASK = N - 1;
  private static final int CUSTOMERS = 20_000;

  private Transaction[] log;
  private IncrementalRfm rfm;
  private HashMap<String, double[]> plain;
  private int i;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(6);
    String[] ids = new String[CUSTOMERS];
    for (int c = 0; c < CUSTOMERS; c++) {
      ids[c] = String.format("%05d", c + 1);
    }
    log = new Transaction[N];
    long t = 1_600_000_000_000L;
    for (int k = 0; k < N; k++) {
      t += r.nextLong(0, 60_000);
      int u = r.nextInt(100);
      double qty = u == 0 ? -1 : 1 + r.nextInt(3);
      double amount = u == 1 && r.nextBoolean() ? 0 : qty * r.nextDouble(5, 30);
      log[k] = new Transaction(ids[r.nextInt(CUSTOMERS)], t, "p" + r.nextInt(1000), "inv" + k, qty, amount, false);
    }
    rfm = new IncrementalRfm();
    plain = new HashMap<>();
    for (Transaction tr : log) {
      rfm.accept(tr); // every customer known: the steady state
      plain.computeIfAbsent(tr.customerId(), x -> new double[3]);
    }
  }

  @Benchmark
  public CleaningRule accept() {
    return rfm.accept(log[i++ & MASK]);
  }

  @Benchmark
  public double hashUpdateBaseline() {
    Transaction tr = log[i++ & MASK];
    double[] s = plain.get(tr.customerId());
    s[0] = Math.max(s[0], tr.time());
    s[1] += 1;
    s[2] += tr.amount();
    return s[2];
  }
}
