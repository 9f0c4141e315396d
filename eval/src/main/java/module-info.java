/**
 * Evaluation of clusterings: internal and external quality indices, choosing the number of
 * clusters, prequential evaluation of online clusterers, segment profiles and centroid drift.
 */
module io.eddy.eval {
  requires transitive io.eddy;

  exports io.eddy.eval;
}
