package io.eddy.flink;

/**
 * The segment of one event under the latest merged model: its label (or
 * {@link io.eddy.ClusterModel#NOISE}), a score and the version of the model that assigned it.
 *
 * <p>The score is the Euclidean distance, in transformed feature units, from the event to the
 * nearest cluster center when the model has centers: the distance to its segment's center
 * for the k-means family and mixtures, and an outlier score for noise of density models. It is
 * NaN for models without centers.
 */
public class Assignment {

  /** The event's id. */
  public long id;

  /** The segment label, or -1 for noise or when no model ever became ready. */
  public int segment;

  /** The distance to the nearest center, or NaN. */
  public double score;

  /** The version of the model used, or 0 for none. */
  public long modelVersion;

  /** For Flink's POJO serializer. */
  public Assignment() {
  }

  /** An assignment. */
  public Assignment(long id, int segment, double score, long modelVersion) {
    this.id = id;
    this.segment = segment;
    this.score = score;
    this.modelVersion = modelVersion;
  }

  /** {@code id,segment,score}: the line written to CSV files and Kafka. */
  public String toCsv() {
    return id + "," + segment + "," + score;
  }
}
