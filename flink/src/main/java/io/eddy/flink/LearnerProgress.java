package io.eddy.flink;

/** Where a keyed learner stands (keyed state, a Flink POJO). */
public class LearnerProgress {

  /** The round the learner is in: its next shipment closes it. */
  public long round;

  /** Events learned since the last shipment. */
  public long inRound;

  /** With time-based merging, the end of the current window (exclusive); otherwise 0. */
  public long windowEnd;

  /** With event-time merging, whether a timer is set for {@link #windowEnd}. */
  public boolean windowOpen;

  /** With feedback: shipped, and waiting for the merge of that round before learning on. */
  public boolean waiting;

  /** The input has ended (the final watermark passed). */
  public boolean ended;

  /** For Flink's POJO serializer. */
  public LearnerProgress() {
  }
}
