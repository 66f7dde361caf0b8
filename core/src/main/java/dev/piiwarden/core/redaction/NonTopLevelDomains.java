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
import java.util.Locale;

/**
 * Labels shaped like top-level domains that are none but follow an {@code @} in logs ({@code
 * getty@tty1.service}, {@code Foo@Bar.java}), read from {@code email-non-tlds.txt}. Compared
 * character by character, so a check allocates nothing.
 */
final class NonTopLevelDomains {
  private static final String RESOURCE = "email-non-tlds.txt";
  private static final NonTopLevelDomains BUILT_IN = load();

  /** The labels by their length. */
  private final char[][][] byLength;

  private NonTopLevelDomains(List<String> labels) {
    int longest = 0;
    for (String label : labels) {
      longest = Math.max(longest, label.length());
    }
    List<List<char[]>> grouped = new ArrayList<>();
    for (int length = 0; length <= longest; length++) {
      grouped.add(new ArrayList<>());
    }
    for (String label : labels) {
      grouped.get(label.length()).add(label.toCharArray());
    }
    this.byLength = new char[longest + 1][][];
    for (int length = 0; length <= longest; length++) {
      byLength[length] = grouped.get(length).toArray(new char[0][]);
    }
  }

  static NonTopLevelDomains builtIn() {
    return BUILT_IN;
  }

  /** Whether {@code text[start, end)} is one of the labels, ignoring ASCII case. */
  boolean contains(CharSequence text, int start, int end) {
    if (end < start || end - start >= byLength.length) {
      return false;
    }
    for (char[] label : byLength[end - start]) {
      if (same(text, start, label)) {
        return true;
      }
    }
    return false;
  }

  private static boolean same(CharSequence text, int start, char[] label) {
    for (int k = 0; k < label.length; k++) {
      if (CharClasses.lower(text.charAt(start + k)) != label[k]) {
        return false;
      }
    }
    return true;
  }

  private static NonTopLevelDomains load() {
    List<String> labels = new ArrayList<>();
    try (InputStream in = BundledResources.open(NonTopLevelDomains.class, RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE + " in piiwarden-core");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          labels.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE + " in piiwarden-core", e);
    }
    return new NonTopLevelDomains(labels);
  }
}
