package io.eddy.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The RFM segment map: a customer's recency and frequency scores (1 to 5, 5 best) name its
 * segment. Rules are tried in order and the first whose pattern matches the two-digit string
 * "RF" (for example "53") wins.
 *
 * <p>{@link #STANDARD} is the usual eleven-cell map used by marketing teams: champions (R 5,
 * F 4-5), loyal customers (R 3-4, F 4-5), potential loyalists (R 4-5, F 2-3), new customers
 * (R 5, F 1), promising (R 4, F 1), need attention (R 3, F 3), about to sleep (R 3, F 1-2),
 * at risk (R 1-2, F 3-4), can't lose them (R 1-2, F 5), hibernating (R 2, F 1-2), lost (R 1,
 * F 1-2). It covers all 25 cells. A map file has one rule a line, {@code name = pattern},
 * with {@code #} comments; see {@code eddy rfm --help}. Immutable.
 */
final class RfmSegmentMap {

  record Rule(String name, Pattern pattern) {}

  private final List<Rule> rules;

  RfmSegmentMap(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  static final RfmSegmentMap STANDARD = parse(List.of(
      "champions = 5[45]",
      "loyal customers = [34][45]",
      "potential loyalists = [45][23]",
      "new customers = 51",
      "promising = 41",
      "need attention = 33",
      "about to sleep = 3[12]",
      "at risk = [12][34]",
      "can't lose them = [12]5",
      "hibernating = 2[12]",
      "lost = 1[12]"), "the standard map");

  /** Reads a map file. */
  static RfmSegmentMap read(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = Table.open(file)) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        lines.add(l);
      }
    }
    return parse(lines, file.toString());
  }

  static RfmSegmentMap parse(List<String> lines, String source) {
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int eq = l.lastIndexOf('=');
      if (eq <= 0 || eq == l.length() - 1) {
        throw AppException.usage(source + " line " + (i + 1) + ": '" + l + "' is not 'name = pattern'");
      }
      try {
        rules.add(new Rule(l.substring(0, eq).strip(), Pattern.compile(l.substring(eq + 1).strip())));
      } catch (PatternSyntaxException e) {
        throw AppException.usage(source + " line " + (i + 1) + ": bad pattern: " + e.getDescription());
      }
    }
    if (rules.isEmpty()) {
      throw AppException.usage(source + " has no rule; expected lines 'name = pattern'");
    }
    return new RfmSegmentMap(rules);
  }

  /** The segment name for scores r and f, or "other" if no rule matches. */
  String name(int r, int f) {
    String key = "" + r + f;
    for (Rule rule : rules) {
      if (rule.pattern().matcher(key).matches()) {
        return rule.name();
      }
    }
    return "other";
  }

  List<Rule> rules() {
    return rules;
  }
}
