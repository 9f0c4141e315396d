package io.eddy.features.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Coverage-guided fuzz target for {@link CsvReader}: arbitrary text or bytes, arbitrary reader
 * parameters and a mapper asking for typed cells. The only allowed failures are
 * {@link CsvDataException}, {@link IllegalArgumentException} and {@link IOException}; anything
 * else (another exception, a hang, running out of memory) fails the target. Under plain
 * {@code mvn verify} it replays the committed corpus
 * ({@code src/test/resources/io/eddy/features/csv/CsvReaderFuzzTestInputs/readAnything/}).
 */
class CsvReaderFuzzTest {

  private static final List<String> NAMES = List.of("a", "b", "c", "time", "x y");
  private static final char[] DELIMITERS = {',', ';', '\t', '|', ' '};
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
  private static Path file;

  @FuzzTest(maxDuration = "30s")
  void readAnything(FuzzedDataProvider data) throws IOException {
    CsvReader.Params p = CsvReader.Params.DEFAULTS
        .withDelimiter(DELIMITERS[data.consumeInt(0, DELIMITERS.length - 1)])
        .withWhitespaceSeparated(data.consumeBoolean())
        .withBadRows(data.consumeBoolean() ? CsvReader.BadRows.SKIP : CsvReader.BadRows.FAIL);
    if (data.consumeBoolean()) {
      p = p.withColumns(NAMES.subList(0, data.consumeInt(1, NAMES.size())));
    }
    CsvReader reader = new CsvReader(p);
    boolean table = data.consumeBoolean();
    boolean viaFile = data.consumeBoolean();
    int numeric = data.consumeInt(0, 2);
    int categorical = data.consumeInt(0, 2);
    byte[] bytes = data.consumeRemainingAsBytes();
    try {
      CsvResult<?> result;
      if (table) {
        List<String> num = NAMES.subList(0, numeric);
        List<String> cat = NAMES.subList(numeric, numeric + categorical);
        result = viaFile ? reader.readTable(write(bytes), num, cat)
            : reader.readTable(new StringReader(new String(bytes, StandardCharsets.UTF_8)), num, cat);
      } else {
        CsvReader.RowMapper<Object> mapper = row -> switch ((int) (row.line() % 6)) {
          case 0 -> row.doubleValue("a");
          case 1 -> row.longValue("a");
          case 2 -> row.booleanValue("b");
          case 3 -> row.epochMillis("time", ISO);
          case 4 -> row.doubleOrMissing("c");
          default -> row.string("b");
        };
        result = viaFile ? reader.read(write(bytes), mapper)
            : reader.read(new StringReader(new String(bytes, StandardCharsets.UTF_8)), mapper);
      }
      assertThat(result).isNotNull();
    } catch (CsvDataException | IllegalArgumentException | IOException e) {
      // the documented failures
    }
  }

  private static synchronized Path write(byte[] bytes) {
    try {
      if (file == null) {
        file = Files.createTempFile("csv-fuzz", ".csv");
        file.toFile().deleteOnExit();
      }
      Files.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
