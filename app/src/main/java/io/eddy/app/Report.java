package io.eddy.app;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page: headings, key-value tables, data tables and the charts
 * embedded as base64 PNG, with a small inline style sheet. No script, no external resource, so
 * it opens the same offline, in a mail attachment or a CI artefact. Not thread-safe.
 */
final class Report {

  // Cells that read as numbers (with a unit, a percentage or an error) are right-aligned.
  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[-+–]?[0-9][0-9.,eE+\\-]*( ?[%s]| ± [0-9.eE+\\-]+.*)?|–");

  private final String title;
  private final StringBuilder body = new StringBuilder();

  Report(String title) {
    this.title = title;
  }

  Report heading(String text) {
    body.append("<h2>").append(esc(text)).append("</h2>\n");
    return this;
  }

  Report paragraph(String text) {
    body.append("<p>").append(esc(text)).append("</p>\n");
    return this;
  }

  Report keyValues(Map<String, String> values) {
    body.append("<table class=\"kv\">\n");
    for (Map.Entry<String, String> e : values.entrySet()) {
      body.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue()))
          .append("</td></tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  /**
   * A table; a row's first cell gets a colour swatch when {@code swatches} has a colour for it.
   *
   * @param swatches one colour per row, or null
   */
  Report table(List<String> header, List<List<String>> rows, List<Color> swatches) {
    body.append("<table class=\"data\">\n<tr>");
    for (String h : header) {
      body.append("<th>").append(esc(h)).append("</th>");
    }
    body.append("</tr>\n");
    for (int i = 0; i < rows.size(); i++) {
      body.append("<tr>");
      List<String> row = rows.get(i);
      for (int j = 0; j < row.size(); j++) {
        body.append(j > 0 && NUMBER.matcher(row.get(j)).matches() ? "<td class=\"n\">" : "<td>");
        if (j == 0 && swatches != null && swatches.get(i) != null) {
          Color c = swatches.get(i);
          body.append(String.format(Locale.ROOT, "<span class=\"sw\" style=\"background:#%02x%02x%02x\"></span>",
              c.getRed(), c.getGreen(), c.getBlue()));
        }
        body.append(esc(row.get(j))).append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  /** Embeds a chart: its PNG if one was drawn (or nothing was yet), else its SVG. */
  Report image(Charts.Image chart) throws IOException {
    boolean svg = !chart.hasPng() && chart.hasSvg();
    String data = svg
        ? "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(chart.svg().getBytes(StandardCharsets.UTF_8))
        : "data:image/png;base64," + Base64.getEncoder().encodeToString(chart.png());
    body.append("<figure><img alt=\"").append(esc(chart.title())).append("\" src=\"").append(data)
        .append("\"><figcaption>").append(esc(chart.title())).append(" (")
        .append(esc(svg ? chart.svgFile() : chart.file())).append(")</figcaption></figure>\n");
    return this;
  }

  String html() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>\n"
        + "<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222;padding:0 1em}"
        + "table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{border:1px solid #ddd;padding:4px 8px;"
        + "text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}table.kv th{background:#f6f6f6}"
        + "table.data th{background:#eef2f7}.sw{display:inline-block;width:12px;height:12px;margin-right:6px;"
        + "vertical-align:middle;border-radius:2px}img{max-width:100%;border:1px solid #eee}"
        + "figure{margin:1em 0}figcaption{color:#666;font-size:90%}</style></head>\n<body>\n<h1>" + esc(title)
        + "</h1>\n" + body + "</body></html>\n";
  }

  void write(Path file) throws IOException {
    Files.writeString(file, html(), StandardCharsets.UTF_8);
  }

  /** A number for reading: 4 significant digits, integers as integers, "–" for NaN. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    if (a >= 1e6 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '&':
          sb.append("&amp;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }
}
