/**
 * Eddy's feature engineering: turning raw events into the vectors clusterers consume.
 */
module io.eddy.features {
  requires transitive io.eddy;

  exports io.eddy.features;
}
