package dev.piiwarden.maven.check;

import dev.piiwarden.core.policy.Finding;
import dev.piiwarden.core.policy.FindingsFormat;
import dev.piiwarden.core.policy.Policy;
import dev.piiwarden.core.report.diff.Change;
import dev.piiwarden.core.report.diff.ChangeKind;
import dev.piiwarden.core.text.QuotedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What the check found, as the lines of the build log and of the build failure. */
public final class CheckSummary {
  /** At most this many findings and changes are repeated in the failure message; the log has all. */
  static final int LISTED = 10;

  private CheckSummary() {}

  /** {@code com/acme/X.java:12: error: message [rule]}. */
  public static String line(Finding finding, String sourceRoot) {
    String file = sourceRoot.isEmpty() ? finding.file()
        : sourceRoot.endsWith("/") ? sourceRoot + finding.file() : sourceRoot + "/" + finding.file();
    return file + (finding.line() > 0 ? ":" + finding.line() : "") + ": " + finding.rule().level().id() + ": "
        + finding.message() + " [" + finding.rule().id() + "]";
  }

  /** {@code 1 error, 0 warnings, 0 notes (policy NAME)}. */
  public static String counts(Policy policy, List<Finding> findings) {
    return FindingsFormat.levelCounts(findings) + " (policy " + policy.name() + ")";
  }

  /** {@code + flow com.acme.User#email -> LOG …}. */
  public static String line(Change change) {
    char sign = switch (change.type()) {
      case ADDED -> '+';
      case REMOVED -> '-';
      case CHANGED -> '~';
    };
    // ids and purposes as piiwarden diff shows them: one shaped like personal data masked
    String detail = change.kind() == ChangeKind.PURPOSE && !change.details().isEmpty()
        ? ": " + QuotedValue.shown(change.details().get(0)) : "";
    return sign + " " + change.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
        + QuotedValue.shown(change.id()) + detail;
  }

  /**
   * The failure message: the counts, then the failing findings and the gated changes, a line each.
   */
  public static String failure(Policy policy, List<Finding> failing, List<Finding> all, List<Change> gated,
      Set<ChangeKind> failOn, String sourceRoot) {
    List<String> heads = new ArrayList<>();
    if (!failing.isEmpty()) {
      heads.add("policy violations: " + counts(policy, all));
    }
    if (!gated.isEmpty()) {
      heads.add(gated.size() + (gated.size() == 1 ? " change" : " changes") + " against the baseline in "
          + failOn.stream().map(ChangeKind::plural).collect(Collectors.joining(", ")));
    }
    StringBuilder out = new StringBuilder(String.join("; ", heads));
    failing.stream().limit(LISTED).forEach(f -> out.append("\n  ").append(line(f, sourceRoot)));
    if (failing.size() > LISTED) {
      out.append("\n  … and ").append(failing.size() - LISTED).append(" more findings in the log above");
    }
    gated.stream().limit(LISTED).forEach(c -> out.append("\n  ").append(line(c)));
    if (gated.size() > LISTED) {
      out.append("\n  … and ").append(gated.size() - LISTED).append(" more changes in the log above");
    }
    return out.toString();
  }
}
