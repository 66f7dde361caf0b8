package dev.piiwarden.benchmarks.scaling;

import dev.piiwarden.core.redaction.CorpusGenerator;
import dev.piiwarden.core.redaction.PiiType;

/**
 * Lines of an exact length made of the labelled corpus's lines joined by {@code " | "}: hard
 * negatives alone (clean), or personal values of every type in turn between hard negatives
 * (personal), padded to the length with {@code x}.
 */
public final class LongLines {
  private static final String JOIN = " | ";
  private static final int TRIES = 200;

  private LongLines() {}

  /** A line and how many personal values were put in it. */
  public record Line(String text, int personalValues) {}

  /** A line of {@code length} characters; with {@code personal}, at least one personal value. */
  public static Line of(int length, boolean personal) {
    CorpusGenerator generator = new CorpusGenerator(length * 31L + (personal ? 1 : 0));
    PiiType[] types = PiiType.values();
    StringBuilder line = new StringBuilder(length);
    int next = 0;
    boolean wantPersonal = personal;
    int misses = 0;
    while (misses < TRIES) {
      String segment = wantPersonal
          ? generator.positive(types[next % types.length].key()).line()
          : generator.negative();
      int needed = segment.length() + (line.length() == 0 ? 0 : JOIN.length());
      if (line.length() + needed > length) {
        misses++;
        continue;
      }
      line.append(line.length() == 0 ? "" : JOIN).append(segment);
      if (wantPersonal) {
        next++;
      }
      wantPersonal = personal && !wantPersonal;
      misses = 0;
    }
    if (personal && next == 0) {
      throw new IllegalStateException("no personal line fits in " + length + " characters");
    }
    while (line.length() < length) {
      line.append('x');
    }
    return new Line(line.toString(), next);
  }
}
