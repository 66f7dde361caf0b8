package dev.piiwarden.core.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.piiwarden.core.report.ReportJson;
import java.util.List;

/**
 * Findings as a SARIF 2.1.0 log, the format GitHub code scanning uploads: one run, the policy's rules
 * as the tool's rules with their default level, one result per finding with its level, message and
 * location (artifact URI relative to the repository root plus the start line when known).
 */
public final class SarifLog {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/piiwarden/piiwarden";

  private SarifLog() {}

  /**
   * The SARIF document.
   *
   * @param sourceRoot prepended to the inventory's source paths (which are relative to the source
   *     root) so that URIs are relative to the repository root, e.g. {@code src/main/java}; empty
   *     for none
   * @param version the tool version
   */
  public static String render(Policy policy, List<Finding> findings, String sourceRoot, String version) {
    ObjectNode log = ReportJson.object();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "piiwarden");
    driver.put("version", version);
    driver.put("informationUri", INFORMATION_URI);
    ArrayNode rules = driver.putArray("rules");
    for (PolicyRule rule : policy.rules()) {
      ObjectNode node = rules.addObject();
      node.put("id", rule.id());
      node.putObject("shortDescription").put("text", rule.description());
      node.putObject("defaultConfiguration").put("level", rule.level().id());
      node.putObject("properties").put("policy", policy.name()).put("type", rule.type().id());
    }
    ArrayNode results = run.putArray("results");
    for (Finding finding : findings) {
      ObjectNode result = results.addObject();
      result.put("ruleId", finding.rule().id());
      result.put("ruleIndex", policy.rules().indexOf(finding.rule()));
      result.put("level", finding.rule().level().id());
      result.putObject("message").put("text", finding.message());
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", FindingsFormat.path(sourceRoot, finding.file()));
      if (finding.line() > 0) {
        physical.putObject("region").put("startLine", finding.line());
      }
      result.putObject("partialFingerprints").put("piiwardenSubject/v1", finding.rule().id() + ":" + finding.about());
    }
    return ReportJson.write(log);
  }
}
