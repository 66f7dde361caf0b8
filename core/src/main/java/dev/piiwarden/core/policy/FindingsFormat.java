package dev.piiwarden.core.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.piiwarden.core.report.ReportJson;
import java.util.List;

/** The findings of a policy check as text, JSON or SARIF 2.1.0. */
public enum FindingsFormat {
  /** {@code file:line: level: message [rule]} per finding, then a count line. */
  TEXT,
  /**
   * {@code {"schema": "piiwarden-check/1", "policy", "summary": {"error", "warning", "note"},
   * "findings": [{"rule", "level", "message", "file", "line", "about"}]}}; line 0 when unknown.
   */
  JSON,
  /** SARIF 2.1.0 ({@link SarifLog}). */
  SARIF;

  /** The rendered findings; {@code sourceRoot} is prepended to file paths (empty for none). */
  public String render(Policy policy, List<Finding> findings, String sourceRoot, String version) {
    return switch (this) {
      case TEXT -> text(policy, findings, sourceRoot);
      case JSON -> json(policy, findings, sourceRoot);
      case SARIF -> SarifLog.render(policy, findings, sourceRoot, version);
    };
  }

  static String path(String sourceRoot, String file) {
    if (sourceRoot == null || sourceRoot.isEmpty()) {
      return file;
    }
    return sourceRoot.endsWith("/") ? sourceRoot + file : sourceRoot + "/" + file;
  }

  private static String text(Policy policy, List<Finding> findings, String sourceRoot) {
    StringBuilder out = new StringBuilder();
    for (Finding f : findings) {
      String line = f.line() > 0 ? ":" + f.line() : "";
      out.append(path(sourceRoot, f.file())).append(line).append(": ").append(f.rule().level().id())
          .append(": ").append(f.message()).append(" [").append(f.rule().id()).append("]\n");
    }
    out.append(findings.isEmpty() ? "No findings" : counted(findings.size(), "finding"))
        .append(" (policy ").append(policy.name()).append(": ").append(counted(policy.rules().size(), "rule"))
        .append("): ").append(levelCounts(findings)).append('\n');
    return out.toString();
  }

  /** The findings by level, {@code 1 error, 0 warnings, 2 notes}. */
  public static String levelCounts(List<Finding> findings) {
    return counted(PolicyCheck.count(findings, Level.ERROR), "error") + ", "
        + counted(PolicyCheck.count(findings, Level.WARNING), "warning") + ", "
        + counted(PolicyCheck.count(findings, Level.NOTE), "note");
  }

  private static String counted(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static String json(Policy policy, List<Finding> findings, String sourceRoot) {
    ObjectNode root = ReportJson.object();
    root.put("schema", "piiwarden-check/1");
    root.put("policy", policy.name());
    ObjectNode summary = root.putObject("summary");
    for (Level level : Level.values()) {
      summary.put(level.id(), PolicyCheck.count(findings, level));
    }
    ArrayNode list = root.putArray("findings");
    for (Finding f : findings) {
      list.addObject()
          .put("rule", f.rule().id())
          .put("level", f.rule().level().id())
          .put("message", f.message())
          .put("file", path(sourceRoot, f.file()))
          .put("line", f.line())
          .put("about", f.about());
    }
    return ReportJson.write(root);
  }
}
