/**
 * The {@code eddy} command line: segments, charts, personas and a report from a CSV, on top of
 * Eddy's library modules.
 */
module io.eddy.app {
  requires io.eddy;
  requires io.eddy.online;
  requires io.eddy.features;
  requires io.eddy.eval;
  requires io.eddy.dashboard;
  requires info.picocli;
  requires org.apache.commons.csv;
  requires java.desktop;
  // XChart 4.0.3 ships without a module descriptor: the name comes from its jar file.
  requires xchart;

  // picocli reads and writes the annotated command fields by reflection.
  opens io.eddy.app to info.picocli;

  uses io.eddy.ClustererProvider;
}
