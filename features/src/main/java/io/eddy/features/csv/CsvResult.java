package io.eddy.features.csv;

import java.util.List;

/**
 * What reading a CSV input gave.
 *
 * @param rows the mapped rows, in input order
 * @param skipped rows skipped under {@link CsvReader.BadRows#SKIP}
 * @param errors the first skipped rows' errors (at most {@link CsvReader.Params#maxErrorsKept()})
 */
public record CsvResult<T>(List<T> rows, long skipped, List<CsvDataException> errors) {

  /** Makes the lists unmodifiable. */
  public CsvResult {
    rows = java.util.Collections.unmodifiableList(rows);
    errors = List.copyOf(errors);
  }
}
