package dev.piiwarden.core.redaction;

import dev.piiwarden.core.files.BundledResources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The IIN ranges of payment card networks and the lengths issued in each, read from the data file
 * {@code card-iin-ranges.tsv} beside this class.
 */
final class CardIssuers {
  private static final String RESOURCE = "card-iin-ranges.tsv";
  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
  private static final CardIssuers BUILT_IN = load();

  private final int[] from;
  private final int[] to;
  private final int[] prefixDigits;
  /** Bit n set: length n is issued. */
  private final int[] lengths;

  private CardIssuers(List<int[]> rows) {
    int n = rows.size();
    from = new int[n];
    to = new int[n];
    prefixDigits = new int[n];
    lengths = new int[n];
    for (int i = 0; i < n; i++) {
      int[] row = rows.get(i);
      from[i] = row[0];
      to[i] = row[1];
      prefixDigits[i] = row[2];
      lengths[i] = row[3];
    }
  }

  static CardIssuers builtIn() {
    return BUILT_IN;
  }

  /**
   * Whether a number of {@code length} digits whose first six digits are {@code firstSix} is
   * issued.
   */
  boolean issued(int firstSix, int length) {
    for (int i = 0; i < from.length; i++) {
      if ((lengths[i] & (1 << length)) == 0) {
        continue;
      }
      int prefix = firstSix / POWERS_OF_TEN[6 - prefixDigits[i]];
      if (prefix >= from[i] && prefix <= to[i]) {
        return true;
      }
    }
    return false;
  }

  private static CardIssuers load() {
    List<int[]> rows = new ArrayList<>();
    try (InputStream in = BundledResources.open(CardIssuers.class, RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE + " in piiwarden-core");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        int lengthBits = 0;
        for (String part : cells[2].split(",")) {
          String[] bounds = part.split("-");
          int low = Integer.parseInt(bounds[0]);
          int high = Integer.parseInt(bounds[bounds.length - 1]);
          for (int len = low; len <= high; len++) {
            lengthBits |= 1 << len;
          }
        }
        rows.add(new int[] {
          Integer.parseInt(cells[0]), Integer.parseInt(cells[1]), cells[0].length(), lengthBits
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE + " in piiwarden-core", e);
    }
    return new CardIssuers(rows);
  }
}
