package dev.piiwarden.maven.check;

import dev.piiwarden.core.report.diff.ChangeKind;
import dev.piiwarden.maven.PluginMessage;
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
    try {
      return ChangeKind.parseList(value);
    } catch (IllegalArgumentException unknown) {
      throw new MojoExecutionException(PluginMessage.BAD_FAIL_ON.format(unknown.getMessage()));
    }
  }
}
