package io.eddy.features;

import io.eddy.io.StateCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One-hot encoding of a categorical feature: one 0/1 column per category, in sorted order,
 * named {@code feature_category}, as scikit-learn's {@code OneHotEncoder}.
 *
 * <p>Rare categories, those whose share of the fitting rows is below {@code minFrequency},
 * are folded into one column named {@code feature_Other}, placed last (scikit-learn's
 * "infrequent" category with {@code min_frequency} given as a fraction). Categories not seen
 * in fitting follow the {@link Unseen} policy: an error, the Other column, or all zeros. Under
 * {@link Unseen#OTHER} the Other column exists even when no category was rare.
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
   * Configuration.
   *
   * @param minFrequency share of rows in [0, 1) below which a category is folded into Other
   *     (default 0: none is)
   * @param unseen the policy for unseen categories (default {@link Unseen#ERROR})
   */
  public record Params(double minFrequency, Unseen unseen) {

    /** No folding; unseen categories are errors. */
    public static final Params DEFAULTS = new Params(0, Unseen.ERROR);

    /** Validates. */
    public Params {
      if (!(minFrequency >= 0 && minFrequency < 1)) {
        throw new IllegalArgumentException("minFrequency must be in [0, 1), got " + minFrequency);
      }
      if (unseen == null) {
        throw new IllegalArgumentException("unseen is null, expected one of ERROR, OTHER, ZEROS");
      }
    }

    /** A copy with {@code minFrequency} set. */
    public Params withMinFrequency(double v) {
      return new Params(v, unseen);
    }

    /** A copy with the unseen policy set. */
    public Params withUnseen(Unseen v) {
      return new Params(minFrequency, v);
    }
  }

  /** The suffix of the column that rare and (by policy) unseen categories map to. */
  public static final String OTHER = "Other";

  private final Params params;
  private final String name;
  private final List<String> categories;
  private final List<String> folded;
  private final Map<String, Integer> column;
  private final int otherColumn;
  private final List<String> outputNames;

  private OneHotEncoder(Params params, String name, List<String> categories, List<String> folded) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("name is null or empty");
    }
    this.params = params;
    this.name = name;
    this.categories = List.copyOf(categories);
    this.folded = List.copyOf(folded);
    this.column = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < this.categories.size(); i++) {
      String c = this.categories.get(i);
      if (column.put(c, i) != null) {
        throw new IllegalArgumentException("category '" + c + "' is listed twice");
      }
      out.add(name + "_" + c);
    }
    boolean hasOther = !this.folded.isEmpty() || params.unseen == Unseen.OTHER;
    this.otherColumn = hasOther ? this.categories.size() : -1;
    for (String f : this.folded) {
      if (column.put(f, otherColumn) != null) {
        throw new IllegalArgumentException("category '" + f + "' is listed twice");
      }
    }
    if (hasOther) {
      out.add(name + "_" + OTHER);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no categories, expected at least 1");
    }
    this.outputNames = List.copyOf(out);
  }

  /** Fits on the values of one column with {@link Params#DEFAULTS}. */
  public static OneHotEncoder fit(String name, List<String> values) {
    return fit(Params.DEFAULTS, name, values);
  }

  /**
   * Fits the categories of one column.
   *
   * @param name the feature's name, prefix of the column names
   * @param values the column, at least one non-null value; nulls are ignored
   * @throws IllegalArgumentException if there is no non-null value
   */
  public static OneHotEncoder fit(Params params, String name, List<String> values) {
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
    List<String> kept = new ArrayList<>();
    List<String> rare = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      (e.getValue() < threshold ? rare : kept).add(e.getKey());
    }
    return new OneHotEncoder(params, name, kept, rare);
  }

  /**
   * An encoder with explicit categories.
   *
   * @param categories the categories with their own column, in column order
   * @param folded categories mapped to the Other column
   */
  public static OneHotEncoder of(Params params, String name, List<String> categories, List<String> folded) {
    return new OneHotEncoder(params, name, categories, folded);
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  /** The categories that have their own column, in column order. */
  public List<String> categories() {
    return categories;
  }

  /** The categories folded into Other because they were rare. */
  public List<String> foldedCategories() {
    return folded;
  }

  @Override
  public String inputName() {
    return name;
  }

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
    for (int j = 0; j < width; j++) {
      out[offset + j] = j == hot ? 1 : 0;
    }
  }

  @Override
  public String toString() {
    return "OneHotEncoder" + outputNames;
  }

  /** The codec, named {@code "features.one-hot"}. */
  static final StateCodec<OneHotEncoder> CODEC = StateCodec.of("features.one-hot", 1, OneHotEncoder.class,
      (e, out) -> {
        out.writeDouble(e.params.minFrequency);
        out.writeInt(e.params.unseen.ordinal());
        out.writeString(e.name);
        Codecs.writeNames(out, e.categories);
        Codecs.writeNames(out, e.folded);
      },
      (in, version) -> {
        Params p = new Params(in.readDouble(), Codecs.readEnum(in, Unseen.class));
        String name = in.readString();
        return of(p, name, Codecs.readNames(in), Codecs.readNames(in));
      });
}
