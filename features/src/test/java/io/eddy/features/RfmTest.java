package io.eddy.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RfmTest {

  private static final long DAY = 86_400_000L;
  private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

  private static Transaction line(String c, int day, String invoice, double qty, double price) {
    return Transaction.ofUnitPrice(c, T0 + day * DAY, "p", invoice, qty, price, false);
  }

  /** A small log breaking every rule once or more, with its expectations worked by hand. */
  private static List<Transaction> log() {
    List<Transaction> t = new ArrayList<>();
    // Customer A: invoice 1 of two lines on day 0 (2x5 + 1x10 = 20), invoice 2 on day 10 (3x4 = 12).
    t.add(line("A", 0, "1", 2, 5));
    t.add(line("A", 0, "1", 1, 10));
    t.add(line("A", 10, "2", 3, 4));
    // A: the day-10 line logged twice -> duplicate.
    t.add(line("A", 10, "2", 3, 4));
    // A: a return on day 12 (negative quantity) and a cancelled line.
    t.add(line("A", 12, "3", -1, 4));
    t.add(Transaction.ofUnitPrice("A", T0 + 13 * DAY, "p", "4", 1, 99, true));
    // B: one purchase on day 5 of 7.5; a free sample (price 0) on day 6.
    t.add(line("B", 5, null, 1, 7.5));
    t.add(line("B", 6, null, 1, 0));
    // No customer id, twice (null and blank).
    t.add(line(null, 3, "9", 1, 1));
    t.add(line("  ", 3, "9", 1, 1));
    // C: two lines without invoice on day 20 -> two purchases of 2 and 3.
    t.add(line("C", 20, null, 1, 2));
    t.add(line("C", 20, null, 1, 3));
    return t;
  }

  @Test
  void accept_countsEveryRuleAndNothingUncounted() {
    IncrementalRfm rfm = new IncrementalRfm();
    List<CleaningRule> verdicts = new ArrayList<>();
    for (Transaction t : log()) {
      verdicts.add(rfm.accept(t));
    }
    assertThat(verdicts).containsExactly(null, null, null, CleaningRule.DUPLICATE, CleaningRule.RETURN,
        CleaningRule.CANCELLATION, null, CleaningRule.NON_POSITIVE_PRICE, CleaningRule.MISSING_CUSTOMER,
        CleaningRule.MISSING_CUSTOMER, null, null);
    CleaningReport r = rfm.report();
    assertThat(r.seen()).isEqualTo(12);
    assertThat(r.kept()).isEqualTo(6);
    assertThat(r.dropped(CleaningRule.MISSING_CUSTOMER)).isEqualTo(2);
    assertThat(r.dropped(CleaningRule.CANCELLATION)).isEqualTo(1);
    assertThat(r.dropped(CleaningRule.RETURN)).isEqualTo(1);
    assertThat(r.dropped(CleaningRule.NON_POSITIVE_PRICE)).isEqualTo(1);
    assertThat(r.dropped(CleaningRule.DUPLICATE)).isEqualTo(1);
    assertThat(r.droppedByRule().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.droppedTotal());
  }

  @Test
  void table_handComputedValues() {
    RfmTable table = Rfm.compute(log(), IncrementalRfm.Params.DEFAULTS, T0 + 30 * DAY);
    assertThat(table.size()).isEqualTo(3);
    RfmTable.Row a = table.find("A");
    assertThat(a.recencyDays()).isEqualTo(20);
    assertThat(a.frequency()).isEqualTo(2);
    assertThat(a.monetary()).isEqualTo(32);
    assertThat(a.meanSpend()).isEqualTo(16);
    assertThat(a.tenureDays()).isEqualTo(30);
    RfmTable.Row b = table.find("B");
    assertThat(b.recencyDays()).isEqualTo(25);
    assertThat(b.frequency()).isEqualTo(1);
    assertThat(b.monetary()).isEqualTo(7.5);
    RfmTable.Row c = table.find("C");
    assertThat(c.recencyDays()).isEqualTo(10);
    assertThat(c.frequency()).isEqualTo(2);
    assertThat(c.monetary()).isEqualTo(5);
    assertThat(c.meanSpend()).isEqualTo(2.5);
    // Recency: C (10 days) is more recent than A (20) and B (25).
    // C has 2 customers less recent -> 1 + floor(5*2/3) = 4; A: 1 -> 2; B: 0 -> 1.
    assertThat(c.recencyScore()).isEqualTo(4);
    assertThat(a.recencyScore()).isEqualTo(2);
    assertThat(b.recencyScore()).isEqualTo(1);
    // Frequency ties A and C at 2: both have one customer below -> 2; B -> 1.
    assertThat(a.frequencyScore()).isEqualTo(2);
    assertThat(c.frequencyScore()).isEqualTo(2);
    assertThat(b.frequencyScore()).isEqualTo(1);
    // Monetary: A 32 > B 7.5 > C 5.
    assertThat(a.monetaryScore()).isEqualTo(4);
    assertThat(b.monetaryScore()).isEqualTo(2);
    assertThat(c.monetaryScore()).isEqualTo(1);
    assertThat(a.rfmCode()).isEqualTo(224);
    assertThat(table.matrix()[0]).containsExactly(20, 2, 32, 16, 30);
    assertThat(table.report().kept()).isEqualTo(6);
  }

  @Test
  void duplicatesKeptWhenRuleOff() {
    RfmTable table = Rfm.compute(log(), IncrementalRfm.Params.DEFAULTS.withDropDuplicates(false), T0 + 30 * DAY);
    // The repeated line has the same invoice as the one before it: same purchase, more spend.
    assertThat(table.find("A").frequency()).isEqualTo(2);
    assertThat(table.find("A").monetary()).isEqualTo(44);
    assertThat(table.report().dropped(CleaningRule.DUPLICATE)).isZero();
  }

  @Test
  void zeroAmountsCountAsPurchasesWhenRuleOff() {
    RfmTable table = Rfm.compute(log(), IncrementalRfm.Params.DEFAULTS.withDropZeroAmounts(false), T0 + 30 * DAY);
    assertThat(table.find("B").frequency()).isEqualTo(2);
    assertThat(table.find("B").monetary()).isEqualTo(7.5);
    assertThat(table.find("B").recencyDays()).isEqualTo(24);
    assertThat(table.report().dropped(CleaningRule.NON_POSITIVE_PRICE)).isZero();
    assertThat(table.report().kept()).isEqualTo(7);
  }

  @Test
  void batchEqualsIncrementalAndIgnoresFileOrder() {
    List<Transaction> shuffled = new ArrayList<>(log());
    Collections.shuffle(shuffled, new Random(5));
    RfmTable batch = Rfm.compute(shuffled, IncrementalRfm.Params.DEFAULTS, T0 + 30 * DAY);
    IncrementalRfm inc = new IncrementalRfm();
    for (Transaction t : log()) {
      inc.accept(t);
    }
    assertThat(batch.rows()).isEqualTo(inc.table(T0 + 30 * DAY).rows());
    assertThat(batch.report()).isEqualTo(inc.report());
  }

  @Test
  void customer_queryAnyTimeWithoutScores() {
    IncrementalRfm inc = new IncrementalRfm();
    inc.accept(line("A", 0, "1", 1, 10));
    assertThat(inc.customer("A", T0 + DAY / 2).recencyDays()).isCloseTo(0.5, within(1e-15));
    inc.accept(line("A", 3, "2", 1, 5));
    RfmTable.Row a = inc.customer("A", T0 + 4 * DAY);
    assertThat(a.recencyDays()).isEqualTo(1);
    assertThat(a.frequency()).isEqualTo(2);
    assertThat(a.recencyScore()).isZero();
    assertThat(inc.customer("Z", T0)).isNull();
    assertThatThrownBy(() -> inc.customer("A", T0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("precedes");
  }

  @Test
  void scores_quintilesOverDistinctValues() {
    IncrementalRfm inc = new IncrementalRfm();
    for (int i = 0; i < 10; i++) {
      inc.accept(line("c" + i, i, null, 1, i + 1));
    }
    RfmTable t = inc.table(T0 + 10 * DAY);
    for (int i = 0; i < 10; i++) {
      RfmTable.Row r = t.find("c" + i);
      assertThat(r.monetaryScore()).isEqualTo(1 + i / 2);
      assertThat(r.recencyScore()).isEqualTo(1 + i / 2);
      assertThat(r.frequencyScore()).isEqualTo(1);
    }
  }

  @Test
  void compute_defaultReferenceIsDayAfterLastPurchase() {
    RfmTable t = Rfm.compute(log(), IncrementalRfm.Params.DEFAULTS);
    assertThat(t.find("C").recencyDays()).isEqualTo(1);
    assertThatThrownBy(() -> Rfm.compute(List.of(line(null, 0, null, 1, 1)), IncrementalRfm.Params.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing_customer 1");
  }

  @Test
  void codec_restoredStateContinuesExactly() throws Exception {
    List<Transaction> all = new ArrayList<>(log());
    Random r = new Random(3);
    for (int i = 0; i < 500; i++) {
      String invoice = r.nextInt(4) == 0 ? null : "i" + r.nextInt(50);
      all.add(line("c" + r.nextInt(40), 20 + i / 10, invoice, r.nextInt(10) - 1, r.nextInt(3) * 2.5));
    }
    IncrementalRfm straight = new IncrementalRfm();
    IncrementalRfm first = new IncrementalRfm();
    for (int i = 0; i < all.size(); i++) {
      straight.accept(all.get(i));
      if (i < 250) {
        first.accept(all.get(i));
      }
    }
    IncrementalRfm restored = io.eddy.io.ModelIO.fromBytes(io.eddy.io.ModelIO.toBytes(first), IncrementalRfm.class);
    for (int i = 250; i < all.size(); i++) {
      restored.accept(all.get(i));
    }
    assertThat(io.eddy.io.ModelIO.toBytes(restored)).isEqualTo(io.eddy.io.ModelIO.toBytes(straight));
    assertThat(restored.report()).isEqualTo(straight.report());
    assertThat(restored.table(T0 + 100 * DAY).rows()).isEqualTo(straight.table(T0 + 100 * DAY).rows());
  }

  @Test
  void transaction_rejectsNonFiniteNumbers() {
    assertThatThrownBy(() -> Transaction.of("A", 0, Double.NaN, 1)).hasMessageContaining("quantity");
    assertThatThrownBy(() -> Transaction.of("A", 0, 1, Double.POSITIVE_INFINITY)).hasMessageContaining("amount");
  }
}
