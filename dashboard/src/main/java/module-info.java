/**
 * A live segmentation dashboard: a web page and a small HTTP API beside a service's {@link
 * io.eddy.online.ConcurrentClusterer} or a saved {@link io.eddy.features.SegmentationBundle},
 * served by the JDK's HTTP server. See {@link io.eddy.dashboard.Dashboard}.
 */
module io.eddy.dashboard {
  requires transitive io.eddy.online;
  requires transitive io.eddy.features;
  requires io.eddy.eval;
  requires jdk.httpserver;
  requires org.apache.commons.csv;
  // The uPlot WebJar has no module descriptor: its name comes from the jar file. Its files are
  // read as class-loader resources under META-INF/resources, which no module encapsulates.
  requires uplot;

  exports io.eddy.dashboard;
}
