package io.eddy.features.csv;

/**
 * A cell of a CSV input that cannot be read as required: names the line, the column, the text
 * found and what was expected.
 */
public final class CsvDataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long line;
  private final String column;
  private final String value;

  /**
   * An error at one cell.
   *
   * @param line 1-based line number in the input, the header line included
   * @param column the column's name
   * @param value the cell's text, or null if the row had no such cell
   * @param problem what was expected
   */
  public CsvDataException(long line, String column, String value, String problem) {
    super("line " + line + ", column '" + column + "': " + (value == null ? "no value" : "'" + value + "'")
        + ": " + problem);
    this.line = line;
    this.column = column;
    this.value = value;
  }

  /** The 1-based line number, the header line included. */
  public long line() {
    return line;
  }

  /** The column's name. */
  public String column() {
    return column;
  }

  /** The cell's text, or null if the row was too short. */
  public String value() {
    return value;
  }
}
