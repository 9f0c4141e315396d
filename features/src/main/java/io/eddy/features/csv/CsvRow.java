package io.eddy.features.csv;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * One record of a CSV input with typed access by column name. Every accessor that cannot
 * read its cell throws a {@link CsvDataException} naming the line and column. Valid only
 * during the mapping call that receives it.
 */
public final class CsvRow {

  private final CSVRecord record;
  private final Map<String, Integer> index;
  private final long line;

  CsvRow(CSVRecord record, Map<String, Integer> index, long line) {
    this.record = record;
    this.index = index;
    this.line = line;
  }

  /** The 1-based line number in the input, the header line included. */
  public long line() {
    return line;
  }

  private String raw(String column) {
    Integer i = index.get(column);
    if (i == null) {
      throw new IllegalArgumentException("no column '" + column + "'; columns are " + index.keySet());
    }
    if (i >= record.size()) {
      throw new CsvDataException(line, column, null, "the row has " + record.size() + " cells, expected at least "
          + (i + 1));
    }
    return record.get(i);
  }

  /** The cell's text, trimmed; an empty cell is an error. */
  public String string(String column) {
    String s = raw(column).trim();
    if (s.isEmpty()) {
      throw new CsvDataException(line, column, s, "expected a non-empty value");
    }
    return s;
  }

  /** The cell's text, trimmed, or null if empty. */
  public String optionalString(String column) {
    String s = raw(column).trim();
    return s.isEmpty() ? null : s;
  }

  /** The cell as a finite double; empty is an error. */
  public double doubleValue(String column) {
    String s = raw(column).trim();
    try {
      double v = Double.parseDouble(s);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CsvDataException(line, column, s, "expected a finite number");
  }

  /** The cell as a finite double, or NaN (a missing value) if empty or "NA"/"NaN"/"null". */
  public double doubleOrMissing(String column) {
    String s = raw(column).trim();
    if (s.isEmpty() || s.equalsIgnoreCase("na") || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("null")) {
      return Double.NaN;
    }
    return doubleValue(column);
  }

  /** The cell as a long integer. */
  public long longValue(String column) {
    String s = raw(column).trim();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new CsvDataException(line, column, s, "expected an integer");
    }
  }

  /** The cell as a boolean: true/false, yes/no, 1/0 (any case). */
  public boolean booleanValue(String column) {
    String s = raw(column).trim().toLowerCase(java.util.Locale.ROOT);
    switch (s) {
      case "true": case "yes": case "1": case "y":
        return true;
      case "false": case "no": case "0": case "n": case "":
        return false;
      default:
        throw new CsvDataException(line, column, s, "expected true/false, yes/no or 1/0");
    }
  }

  /**
   * The cell as a date or date-time, in epoch milliseconds: a zone or offset in the text is
   * honoured, otherwise the time is read as UTC.
   *
   * @param format the pattern, e.g. {@link DateTimeFormatter#BASIC_ISO_DATE} for 20240131;
   *     date-only patterns give midnight
   */
  public long epochMillis(String column, DateTimeFormatter format) {
    String s = raw(column).trim();
    try {
      // One parse, then queries that return null rather than throw: parseBest would build an
      // exception per date-only cell, which made reading ten times slower.
      TemporalAccessor parsed = format.parse(s);
      if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
        return Instant.from(parsed).toEpochMilli();
      }
      LocalDate date = parsed.query(TemporalQueries.localDate());
      if (date != null) {
        LocalTime time = parsed.query(TemporalQueries.localTime());
        LocalDateTime t = time == null ? date.atStartOfDay() : LocalDateTime.of(date, time);
        return t.toInstant(ZoneOffset.UTC).toEpochMilli();
      }
    } catch (DateTimeException e) {
      // reported below
    }
    throw new CsvDataException(line, column, s, "expected a date like " + format);
  }
}
