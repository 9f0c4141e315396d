package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The online clusterers' sources keep the hot-path rules mechanically: no streams and no boxed
 * collections, which allocate per call. Allocation-freedom itself is measured by the JMH
 * benchmarks with the GC profiler.
 */
class CodeStandardsTest {

  private static final Pattern FORBIDDEN = Pattern.compile(
      "java\\.util\\.stream|\\.stream\\(\\)|\\b(List|Map|Set|Collection|Deque|Queue)<(Integer|Long|Double)\\b");

  @Test
  public void onlineSources_haveNoStreamsOrBoxedCollections() throws IOException {
    Path root = Path.of("src/main/java/io/eddy/online");
    assertThat(root).isDirectory();
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.list(root)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (FORBIDDEN.matcher(lines.get(i)).find()) {
            violations.add(f.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
