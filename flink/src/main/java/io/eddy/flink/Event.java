package io.eddy.flink;

/**
 * One event on its way through the job: an id, a feature vector and an event time. A Flink
 * POJO (public fields, no-argument constructor), so Flink serialises it without Kryo.
 */
public class Event {

  /** The id the assignment is reported under, for example a customer or user id. */
  public long id;

  /** The features: raw as read, then transformed by the job's feature pipeline. */
  public double[] features;

  /** The event time in epoch milliseconds (the Kafka record time, or the row number of a file). */
  public long time;

  /** For Flink's POJO serializer. */
  public Event() {
  }

  /** An event. */
  public Event(long id, double[] features, long time) {
    this.id = id;
    this.features = features;
    this.time = time;
  }
}
