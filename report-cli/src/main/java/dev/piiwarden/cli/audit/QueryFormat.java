package dev.piiwarden.cli.audit;

import dev.piiwarden.cli.KeywordConverter;
import java.util.Locale;

/** The renderings {@code piiwarden audit query --format} offers. */
public enum QueryFormat {
  /** A fixed-width table for people. */
  TABLE,
  /** {@code {"subject": …, "events": [records as written]}}. */
  JSON;

  /** Converts {@code --format} values. */
  public static final class Converter extends KeywordConverter<QueryFormat> {
    /** The converter picocli instantiates. */
    public Converter() {
      super(QueryFormat.class);
    }
  }

  /** The name users type, also shown in help. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
