package dev.piiwarden.core.redaction;

import dev.piiwarden.core.files.BundledResources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The IBAN length of each country, read from the data file {@code iban-lengths.tsv}. */
final class IbanCountries {
  private static final String RESOURCE = "iban-lengths.tsv";
  private static final IbanCountries BUILT_IN = load();

  /** Indexed by (first letter - 'A') * 26 + (second letter - 'A'); zero for no IBAN. */
  private final byte[] lengths = new byte[26 * 26];

  private IbanCountries() {}

  static IbanCountries builtIn() {
    return BUILT_IN;
  }

  /**
   * The IBAN length of the country with these letters, both upper case or both lower case
   * ({@code de89 3704 …}, as a form may keep what was typed), or zero.
   */
  int length(char first, char second) {
    if (first >= 'a' && first <= 'z' && second >= 'a' && second <= 'z') {
      first = (char) (first - 'a' + 'A');
      second = (char) (second - 'a' + 'A');
    }
    if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
      return 0;
    }
    return lengths[(first - 'A') * 26 + (second - 'A')];
  }

  private static IbanCountries load() {
    IbanCountries table = new IbanCountries();
    try (InputStream in = BundledResources.open(IbanCountries.class, RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE + " in piiwarden-core");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        table.lengths[(cells[0].charAt(0) - 'A') * 26 + (cells[0].charAt(1) - 'A')] =
            Byte.parseByte(cells[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE + " in piiwarden-core", e);
    }
    return table;
  }
}
