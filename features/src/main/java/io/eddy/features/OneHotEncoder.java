package io.eddy.features;

import io.eddy.io.StateCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One-hot encoding of a categorical feature: one 0/1 column per category, in sorted order,
 * named {@code feature_category}, as scikit-learn 1.2's {@code OneHotEncoder}.
 *
 * <p><b>Infrequent categories.</b> A category is rare when its count among the fitting rows
 * is below {@code minCount} or below {@code minFrequency} times the number of rows
 * (scikit-learn's {@code min_frequency} as an integer or a fraction). With
 * {@code maxCategories = m}, at most {@code m} columns describe the fitted categories: when
 * more would remain, only the {@code m - 1} most frequent stay (equal counts keep the later
 * category in sorted order, as scikit-learn's stable sort does) and the rest are rare too. Rare
 * categories share one column named {@code feature_Other}, placed last (scikit-learn's
 * {@code infrequent_sklearn}).
 *
 * <p><b>Unseen categories</b> (not in the fitting rows, or {@code null}) follow the
 * {@link Unseen} policy: an error, the Other column, or all zeros. Under {@link Unseen#OTHER}
 * the Other column exists even when no category was rare (scikit-learn's
 * {@code infrequent_if_exist} writes zeros in that case).
 *
 * <p><b>Dropping a column</b> ({@link Drop}) removes one column so the encoding is not
 * collinear: the first column ({@link Drop#FIRST}), the first of exactly two
 * ({@link Drop#IF_BINARY}), or a named category's ({@link Drop#category}; a rare category
 * cannot be dropped, as in scikit-learn). The dropped category encodes to all zeros; under
 * {@link Unseen#ZEROS} so does an unseen category, and both decode to the dropped category
 * (scikit-learn's documented {@code handle_unknown='ignore'} behaviour with {@code drop}).
 *
 * <p>Immutable and thread-safe. {@link #encode} is a hash look-up and allocates nothing.
 */
public final class OneHotEncoder implements CategoricalEncoder {

  /** What {@link #encode} does with a category not seen in fitting (or {@code null}). */
  public enum Unseen {
    /** Throw {@link IllegalArgumentException} naming the category. */
    ERROR,
    /** Set the Other column. */
    OTHER,
    /** Write zeros in every column. */
    ZEROS
  }

  /**
   * Which column to drop, scikit-learn's {@code drop}: {@link #NONE}, {@link #FIRST},
   * {@link #IF_BINARY}, or {@link #category(String)}.
   *
   * @param kind the rule
   * @param category the category to drop when {@code kind} is {@link Kind#CATEGORY}, else null
   */
  public record Drop(Kind kind, String category) {

    /** The rules. */
    public enum Kind {
      /** Keep every column. */
      NONE,
      /** Drop the first column (the smallest frequent category, or Other if none is frequent). */
      FIRST,
      /** Drop the first column when the fitted categories make exactly two columns. */
      IF_BINARY,
      /** Drop the column of one named category. */
      CATEGORY
    }

    /** Keep every column (the default). */
    public static final Drop NONE = new Drop(Kind.NONE, null);
    /** Drop the first column. */
    public static final Drop FIRST = new Drop(Kind.FIRST, null);
    /** Drop the first column of a two-column encoding. */
    public static final Drop IF_BINARY = new Drop(Kind.IF_BINARY, null);

    /** Validates. */
    public Drop {
      if (kind == null) {
        throw new IllegalArgumentException("drop kind is null, expected one of " + List.of(Kind.values()));
      }
      if ((kind == Kind.CATEGORY) != (category != null)) {
        throw new IllegalArgumentException("a category is given exactly when the drop kind is CATEGORY, got "
            + kind + " and " + category);
      }
    }

    /** Drop the column of {@code category}, which must be a frequent category of the fitting rows. */
    public static Drop category(String category) {
      if (category == null) {
        throw new IllegalArgumentException("the category to drop is null");
      }
      return new Drop(Kind.CATEGORY, category);
    }

    @Override
    public String toString() {
      return kind == Kind.CATEGORY ? "drop '" + category + "'" : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Configuration.
   *
   * @param minFrequency share of rows in [0, 1) below which a category is rare (default 0:
   *     none is)
   * @param minCount count of rows below which a category is rare (default 0: none is)
   * @param maxCategories the most columns the fitted categories may take, Other included; 0
   *     for no limit (the default), and 1 is no limit either, as in scikit-learn 1.2
   * @param unseen the policy for unseen categories (default {@link Unseen#ERROR})
   * @param drop the column to drop (default {@link Drop#NONE})
   */
  public record Params(double minFrequency, int minCount, int maxCategories, Unseen unseen, Drop drop) {

    /** No folding, no drop; unseen categories are errors. */
    public static final Params DEFAULTS = new Params(0, 0, 0, Unseen.ERROR, Drop.NONE);

    /** Validates. */
    public Params {
      if (!(minFrequency >= 0 && minFrequency < 1)) {
        throw new IllegalArgumentException("minFrequency must be in [0, 1), got " + minFrequency);
      }
      if (minCount < 0) {
        throw new IllegalArgumentException("minCount must be >= 0, got " + minCount);
      }
      if (maxCategories < 0) {
        throw new IllegalArgumentException("maxCategories must be >= 1, or 0 for no limit, got " + maxCategories);
      }
      if (unseen == null) {
        throw new IllegalArgumentException("unseen is null, expected one of ERROR, OTHER, ZEROS");
      }
      if (drop == null) {
        throw new IllegalArgumentException("drop is null, expected Drop.NONE for no drop");
      }
    }

    /** Rare below {@code minFrequency}, the given unseen policy, no other limit and no drop. */
    public Params(double minFrequency, Unseen unseen) {
      this(minFrequency, 0, 0, unseen, Drop.NONE);
    }

    /** A copy with {@code minFrequency} set. */
    public Params withMinFrequency(double v) {
      return new Params(v, minCount, maxCategories, unseen, drop);
    }

    /** A copy with {@code minCount} set. */
    public Params withMinCount(int v) {
      return new Params(minFrequency, v, maxCategories, unseen, drop);
    }

    /** A copy with {@code maxCategories} set (0 for no limit). */
    public Params withMaxCategories(int v) {
      return new Params(minFrequency, minCount, v, unseen, drop);
    }

    /** A copy with the unseen policy set. */
    public Params withUnseen(Unseen v) {
      return new Params(minFrequency, minCount, maxCategories, v, drop);
    }

    /** A copy with the drop rule set. */
    public Params withDrop(Drop v) {
      return new Params(minFrequency, minCount, maxCategories, unseen, v);
    }
  }

  /** The suffix of the column that rare and (by policy) unseen categories map to. */
  public static final String OTHER = "Other";

  private final Params params;
  private final String name;
  private final List<String> categories;
  private final List<String> folded;
  /** Category to its column before the drop: 0..categories-1, or the Other column. */
  private final Map<String, Integer> column;
  /** The Other column before the drop, -1 if there is none. */
  private final int otherColumn;
  /** The dropped column before the drop, -1 if none is. */
  private final int droppedColumn;
  private final List<String> outputNames;

  private OneHotEncoder(Params params, String name, List<String> categories, List<String> folded) {
    Features.requireNonNull(params, "params");
    Features.requireNonNull(categories, "categories");
    Features.requireNonNull(folded, "folded");
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("name is null or empty");
    }
    this.params = params;
    this.name = name;
    this.categories = List.copyOf(categories);
    this.folded = List.copyOf(folded);
    this.column = new HashMap<>();
    for (int i = 0; i < this.categories.size(); i++) {
      if (column.put(this.categories.get(i), i) != null) {
        throw new IllegalArgumentException("category '" + this.categories.get(i) + "' is listed twice");
      }
    }
    boolean hasOther = !this.folded.isEmpty() || params.unseen == Unseen.OTHER;
    this.otherColumn = hasOther ? this.categories.size() : -1;
    for (String f : this.folded) {
      if (column.put(f, otherColumn) != null) {
        throw new IllegalArgumentException("category '" + f + "' is listed twice");
      }
    }
    int width = this.categories.size() + (hasOther ? 1 : 0);
    if (this.categories.isEmpty() && this.folded.isEmpty()) {
      throw new IllegalArgumentException("no categories, expected at least 1");
    }
    this.droppedColumn = droppedColumn(params.drop, this.categories, this.folded);
    List<String> out = new ArrayList<>(width);
    for (int j = 0; j < width; j++) {
      if (j != droppedColumn) {
        out.add(name + "_" + label(j));
      }
    }
    this.outputNames = List.copyOf(out);
  }

  /** The column {@code drop} removes, before removal, or -1 (scikit-learn's {@code drop_idx_}). */
  private int droppedColumn(Drop drop, List<String> kept, List<String> rare) {
    switch (drop.kind()) {
      case FIRST:
        return 0;
      case IF_BINARY:
        // scikit-learn counts the fitted groups only: the Other column an unseen policy adds is not one
        return kept.size() + (rare.isEmpty() ? 0 : 1) == 2 ? 0 : -1;
      case CATEGORY:
        if (rare.contains(drop.category())) {
          throw new IllegalArgumentException("cannot drop category '" + drop.category() + "' of '" + name
              + "' because it is rare (folded into " + OTHER + ")");
        }
        int i = kept.indexOf(drop.category());
        if (i < 0) {
          throw new IllegalArgumentException("category '" + drop.category() + "' of '" + name
              + "' to drop was not seen in fitting; known: " + kept);
        }
        return i;
      default:
        return -1;
    }
  }

  private String label(int columnBeforeDrop) {
    return columnBeforeDrop == otherColumn ? OTHER : categories.get(columnBeforeDrop);
  }

  /** Fits on the values of one column with {@link Params#DEFAULTS}. */
  public static OneHotEncoder fit(String name, List<String> values) {
    return fit(Params.DEFAULTS, name, values);
  }

  /**
   * Fits the categories of one column. O(n + c log c) for n values and c categories.
   *
   * @param name the feature's name, prefix of the column names
   * @param values the column, at least one non-null value; nulls are ignored; not modified
   * @throws IllegalArgumentException if there is no non-null value, or the drop names a
   *     category that is rare or absent
   */
  public static OneHotEncoder fit(Params params, String name, List<String> values) {
    Features.requireNonNull(params, "params");
    Features.requireNonNull(values, "values");
    TreeMap<String, Integer> counts = new TreeMap<>();
    int n = 0;
    for (String v : values) {
      if (v != null) {
        counts.merge(v, 1, Integer::sum);
        n++;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("column '" + name + "' has no non-null values");
    }
    double threshold = n * params.minFrequency;
    List<String> sorted = new ArrayList<>(counts.keySet());
    int c = sorted.size();
    int[] count = new int[c];
    boolean[] rare = new boolean[c];
    int rareCount = 0;
    for (int i = 0; i < c; i++) {
      count[i] = counts.get(sorted.get(i));
      rare[i] = count[i] < threshold || count[i] < params.minCount;
      rareCount += rare[i] ? 1 : 0;
    }
    // scikit-learn: when more than maxCategories columns would remain (Other counted), the
    // c - (maxCategories - 1) least frequent categories become rare, ties in sorted order
    // (maxCategories = 1 selects nothing there: its slice [:-m + 1] is empty)
    int m = params.maxCategories;
    if (m > 1 && m < c - rareCount + 1) {
      Integer[] byCount = new Integer[c];
      for (int i = 0; i < c; i++) {
        byCount[i] = i;
      }
      Arrays.sort(byCount, (a, b) -> Integer.compare(count[a], count[b])); // stable
      for (int r = 0; r < c - (m - 1); r++) {
        rare[byCount[r]] = true;
      }
    }
    List<String> kept = new ArrayList<>();
    List<String> folded = new ArrayList<>();
    for (int i = 0; i < c; i++) {
      (rare[i] ? folded : kept).add(sorted.get(i));
    }
    return new OneHotEncoder(params, name, kept, folded);
  }

  /**
   * An encoder with explicit categories.
   *
   * @param categories the categories with their own column, in column order
   * @param folded categories mapped to the Other column
   * @throws IllegalArgumentException if a category is listed twice, there is none, or the drop
   *     names a category that is folded or absent
   */
  public static OneHotEncoder of(Params params, String name, List<String> categories, List<String> folded) {
    return new OneHotEncoder(params, name, categories, folded);
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  /** The categories that have their own column (the dropped one included), in column order. */
  public List<String> categories() {
    return categories;
  }

  /** The categories folded into Other because they were rare. */
  public List<String> foldedCategories() {
    return folded;
  }

  /**
   * The category whose column was dropped, {@link #OTHER} if that was the Other column, or
   * {@code null} if no column was dropped.
   */
  public String droppedCategory() {
    return droppedColumn < 0 ? null : label(droppedColumn);
  }

  @Override
  public String inputName() {
    return name;
  }

  /** The number of columns; 0 when the only column was dropped. */
  @Override
  public int outputDimension() {
    return outputNames.size();
  }

  @Override
  public List<String> outputNames() {
    return outputNames;
  }

  @Override
  public void encode(String category, double[] out, int offset) {
    Features.requireNonNull(out, "out");
    int width = outputNames.size();
    if (offset < 0 || offset + width > out.length) {
      throw new IllegalArgumentException("columns [" + offset + ", " + (offset + width)
          + ") do not fit an output of length " + out.length);
    }
    Integer c = category == null ? null : column.get(category);
    int hot;
    if (c != null) {
      hot = c;
    } else if (params.unseen == Unseen.ERROR) {
      throw new IllegalArgumentException("category '" + category + "' of '" + name
          + "' was not seen in fitting; known: " + categories + (folded.isEmpty() ? "" : " and " + folded));
    } else {
      hot = params.unseen == Unseen.OTHER ? otherColumn : -1;
    }
    if (hot == droppedColumn) {
      hot = -1;
    } else if (droppedColumn >= 0 && hot > droppedColumn) {
      hot--;
    }
    for (int j = 0; j < width; j++) {
      out[offset + j] = j == hot ? 1 : 0;
    }
  }

  /**
   * The category that columns {@code [offset, offset + outputDimension())} of {@code in}
   * encode, as scikit-learn's {@code inverse_transform}: the category of the largest column
   * (the first of equals), so approximate reconstructions decode too; {@link #OTHER} for the
   * Other column (a rare or unseen category, which cannot be told apart). When every column is
   * 0: the dropped category if a column was dropped (of the columns as fitted: scikit-learn
   * 1.2 names a category of the unfolded list here when rare categories come first and
   * unseen ones are ignored, which 1.3 corrected), else {@code null} when the unseen policy
   * is {@link Unseen#ZEROS}. Allocates nothing.
   *
   * @param in the encoded vector; not modified
   * @param offset where this encoder's columns start
   * @throws IllegalArgumentException if the columns do not fit, a column is NaN, or every
   *     column is 0 while no column was dropped and unseen categories are not zeros (no
   *     category encodes to all zeros)
   */
  public String inverseTransform(double[] in, int offset) {
    int width = outputNames.size();
    if (in == null || offset < 0 || offset + width > in.length) {
      throw new IllegalArgumentException("columns [" + offset + ", " + (offset + width)
          + ") do not fit an input of length " + (in == null ? "null" : String.valueOf(in.length)));
    }
    int best = 0;
    boolean allZero = true;
    for (int j = 0; j < width; j++) {
      double v = in[offset + j];
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("column '" + outputNames.get(j) + "' is NaN");
      }
      allZero &= v == 0;
      if (v > in[offset + best]) {
        best = j;
      }
    }
    if (allZero) {
      if (droppedColumn >= 0) {
        return label(droppedColumn);
      }
      if (params.unseen == Unseen.ZEROS) {
        return null;
      }
      throw new IllegalArgumentException("every column of '" + name + "' is 0, which no category encodes to"
          + " when unseen categories are " + params.unseen + " and no column is dropped");
    }
    return label(droppedColumn >= 0 && best >= droppedColumn ? best + 1 : best);
  }

  @Override
  public String toString() {
    return "OneHotEncoder" + outputNames + (droppedColumn < 0 ? "" : " dropped " + label(droppedColumn));
  }

  /**
   * The codec, named {@code "features.one-hot"}. Version 2 adds {@code minCount},
   * {@code maxCategories} and the drop; version 1 states still read, with none of them.
   */
  static final StateCodec<OneHotEncoder> CODEC = StateCodec.of("features.one-hot", 2, OneHotEncoder.class,
      (e, out) -> {
        Params p = e.params;
        out.writeDouble(p.minFrequency);
        out.writeInt(p.unseen.ordinal());
        out.writeString(e.name);
        Codecs.writeNames(out, e.categories);
        Codecs.writeNames(out, e.folded);
        out.writeInt(p.minCount);
        out.writeInt(p.maxCategories);
        out.writeInt(p.drop.kind().ordinal());
        out.writeString(p.drop.category() == null ? "" : p.drop.category());
      },
      (in, version) -> {
        double minFrequency = in.readDouble();
        Unseen unseen = Codecs.readEnum(in, Unseen.class);
        String name = in.readString();
        List<String> categories = Codecs.readNames(in);
        List<String> folded = Codecs.readNames(in);
        Params p = new Params(minFrequency, unseen);
        if (version >= 2) {
          int minCount = in.readInt(0, Integer.MAX_VALUE);
          int maxCategories = in.readInt(0, Integer.MAX_VALUE);
          Drop.Kind kind = Codecs.readEnum(in, Drop.Kind.class);
          String dropped = in.readString();
          Drop drop = kind == Drop.Kind.CATEGORY ? Drop.category(dropped) : new Drop(kind, null);
          p = new Params(minFrequency, minCount, maxCategories, unseen, drop);
        }
        return of(p, name, categories, folded);
      });
}
