package io.eddy.features.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.features.Transaction;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

  private static final String MALL = "CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)\n"
      + "1,Male,19,15,39\n"
      + "2,Female,,15,81\n"
      + "\n"
      + "3,Female,twenty,16,6\n"
      + "4,,23,16,77\n";

  private static final List<String> NUMERIC = List.of("Age", "Annual Income (k$)", "Spending Score (1-100)");

  @Test
  void readTable_mapsByHeaderNameWithMissingValues() throws Exception {
    CsvReader r = new CsvReader(CsvReader.Params.DEFAULTS.withBadRows(CsvReader.BadRows.SKIP));
    CsvResult<Object[]> res = r.readTable(new StringReader(MALL), NUMERIC, List.of("Gender"));
    assertThat(res.rows()).hasSize(3);
    assertThat((double[]) res.rows().get(0)[0]).containsExactly(19, 15, 39);
    assertThat(((double[]) res.rows().get(1)[0])[0]).isNaN();
    assertThat(((String[]) res.rows().get(2)[1])[0]).isNull();
    assertThat(res.skipped()).isEqualTo(1);
    CsvDataException e = res.errors().get(0);
    // The blank line 4 still counts: the bad row is on line 5.
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).isEqualTo("Age");
    assertThat(e.value()).isEqualTo("twenty");
    assertThat(e).hasMessage("line 5, column 'Age': 'twenty': expected a finite number");
  }

  @Test
  void readTable_path_readsUtf8FileAsTheReaderDoes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mall.csv");
    Files.writeString(file, MALL.replace("Male,19", "Mâle,19"), StandardCharsets.UTF_8);
    CsvReader r = new CsvReader(CsvReader.Params.DEFAULTS.withBadRows(CsvReader.BadRows.SKIP));
    CsvResult<Object[]> res = r.readTable(file, NUMERIC, List.of("Gender"));
    assertThat(res.rows()).hasSize(3);
    assertThat((double[]) res.rows().get(0)[0]).containsExactly(19, 15, 39);
    assertThat(((String[]) res.rows().get(0)[1])[0]).isEqualTo("Mâle");
    assertThat(res.skipped()).isEqualTo(1);
    assertThat(res.errors().get(0).line()).isEqualTo(5);
    assertThatThrownBy(() -> r.readTable(dir.resolve("absent.csv"), NUMERIC, List.of()))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  @Test
  void read_failPolicyStopsAtFirstBadRow() {
    CsvReader r = new CsvReader(CsvReader.Params.DEFAULTS);
    assertThatThrownBy(() -> r.readTable(new StringReader(MALL), NUMERIC, List.of("Gender")))
        .isInstanceOf(CsvDataException.class).hasMessageContaining("line 5");
  }

  @Test
  void read_unknownColumnIsAnErrorListingColumns() {
    CsvReader r = new CsvReader(CsvReader.Params.DEFAULTS.withBadRows(CsvReader.BadRows.SKIP));
    assertThatThrownBy(() -> r.readTable(new StringReader(MALL), List.of("Income"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 'Income'")
        .hasMessageContaining("Annual Income (k$)");
  }

  @Test
  void readTransactions_whitespaceSeparatedWithoutHeader() throws Exception {
    String cdnowLike = " 00001 20210101  1   11.77\r\n 00002 20210112  5   77.00\r\n 00003 2021013x  1 5\r\n";
    CsvReader r = new CsvReader(CsvReader.Params.DEFAULTS.withWhitespaceSeparated(true)
        .withColumns(List.of("customer", "date", "cds", "dollars")).withBadRows(CsvReader.BadRows.SKIP));
    CsvResult<Transaction> res = r.readTransactions(new StringReader(cdnowLike),
        CsvReader.TransactionColumns.of("customer", "date", DateTimeFormatter.BASIC_ISO_DATE, "cds", "dollars"));
    assertThat(res.rows()).containsExactly(
        Transaction.of("00001", Instant.parse("2021-01-01T00:00:00Z").toEpochMilli(), 1, 11.77),
        Transaction.of("00002", Instant.parse("2021-01-12T00:00:00Z").toEpochMilli(), 5, 77.00));
    assertThat(res.skipped()).isEqualTo(1);
    assertThat(res.errors().get(0).line()).isEqualTo(3);
    assertThat(res.errors().get(0).column()).isEqualTo("date");
  }

  @Test
  void readTransactions_unitPriceInvoicesAndCancellationPrefix() throws Exception {
    String retail = "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n"
        + "536365,85123A,6,2010-12-01T08:26:00,2.55,17850\n"
        + "C536379,D,-1,2010-12-01T09:41:00,27.50,14527\n"
        + "536414,22139,56,2010-12-01T11:52:00,0,\n"
        + "\"536415\",\"22,5\",1,2010-12-01T11:57:00,1.5,17851\n";
    CsvReader r = new CsvReader(CsvReader.Params.DEFAULTS);
    CsvResult<Transaction> res = r.readTransactions(new StringReader(retail), new CsvReader.TransactionColumns(
        "CustomerID", "InvoiceDate", DateTimeFormatter.ISO_LOCAL_DATE_TIME, "Quantity", null, "UnitPrice",
        "StockCode", "InvoiceNo", null, "C"));
    assertThat(res.rows()).hasSize(4);
    assertThat(res.rows().get(0).amount()).isEqualTo(6 * 2.55);
    assertThat(res.rows().get(1).cancelled()).isTrue();
    assertThat(res.rows().get(2).customerId()).isNull();
    assertThat(res.rows().get(3).productId()).isEqualTo("22,5");
  }

  @Test
  void readClickEvents_offsetsHonouredAndBadTypeReported() throws Exception {
    String clicks = "user,ts,event,item,price\n"
        + "u1,2024-03-04T10:00:00Z,view,p1,\n"
        + "u1,2024-03-04T12:00:00+02:00,purchase,p1,19.5\n"
        + "u2,2024-03-04T10:05:00Z,,p2,1\n";
    CsvReader r = new CsvReader(CsvReader.Params.DEFAULTS.withBadRows(CsvReader.BadRows.SKIP));
    CsvResult<io.eddy.features.ClickEvent> res = r.readClickEvents(new StringReader(clicks),
        new CsvReader.ClickColumns("user", "ts", DateTimeFormatter.ISO_DATE_TIME, "event", "item", "price"));
    assertThat(res.rows()).hasSize(2);
    assertThat(res.rows().get(0).value()).isZero();
    // 12:00 at +02:00 is 10:00 UTC.
    assertThat(res.rows().get(1).time()).isEqualTo(res.rows().get(0).time());
    assertThat(res.errors().get(0).line()).isEqualTo(4);
    assertThat(res.errors().get(0).column()).isEqualTo("event");
  }

  @Test
  void read_rejectsDuplicateHeaderNames() {
    CsvReader r = new CsvReader(CsvReader.Params.DEFAULTS);
    assertThatThrownBy(() -> r.readTable(new StringReader("a,a\n1,2\n"), List.of("a"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' appears twice");
  }
}
