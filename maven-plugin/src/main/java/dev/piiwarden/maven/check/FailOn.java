package dev.piiwarden.maven.check;

import dev.piiwarden.core.report.diff.ChangeKind;
import dev.piiwarden.maven.PluginMessage;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/** The {@code failOn} parameter: the kinds of change against the baseline that fail the build. */
public final class FailOn {
  private FailOn() {}

  /**
   * {@code elements,flows} to those kinds; {@code any} is every kind; blank is none.
   *
   * @throws MojoExecutionException naming the unknown word
   */
  public static Set<ChangeKind> parse(String value) throws MojoExecutionException {
    Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
    if (value == null || value.isBlank()) {
      return kinds;
    }
    for (String word : value.split(",")) {
      String kind = word.strip().toLowerCase(Locale.ROOT);
      if (kind.equals("any")) {
        kinds.addAll(EnumSet.allOf(ChangeKind.class));
        continue;
      }
      ChangeKind match = null;
      for (ChangeKind candidate : ChangeKind.values()) {
        if (candidate.plural().equals(kind) || candidate.name().equalsIgnoreCase(kind)) {
          match = candidate;
        }
      }
      if (match == null) {
        throw new MojoExecutionException(PluginMessage.BAD_FAIL_ON.format(word.strip()));
      }
      kinds.add(match);
    }
    return kinds;
  }
}
