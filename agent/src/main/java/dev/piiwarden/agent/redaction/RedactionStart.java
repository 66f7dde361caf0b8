package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.audit.AgentAudit;
import dev.piiwarden.agent.config.AgentConfiguration;
import dev.piiwarden.agent.config.AgentOption;
import dev.piiwarden.agent.redaction.bridge.RedactionBridge;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.redaction.PatternList;
import dev.piiwarden.core.redaction.RedactionFailure;
import dev.piiwarden.core.redaction.RedactionHashKey;
import dev.piiwarden.core.redaction.RedactionSettings;
import dev.piiwarden.core.redaction.RedactionStyle;
import dev.piiwarden.core.redaction.Redactor;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Builds the redactor from the options and installs the hooks behind the bridge. Refers to bridge
 * types, so it is loaded only once the bridge is on the bootstrap class path ({@link
 * RedactionActivation}).
 */
final class RedactionStart {
  private RedactionStart() {}

  /** The module of the bootstrap bridge, which every hooked class must read. */
  static Module bridgeModule() {
    return RedactionBridge.class.getModule();
  }

  /** Returns the redactor, whose counts feed the audit trail. */
  static Redactor install(AgentConfiguration configuration, Instrumentation instrumentation)
      throws IOException, GeneralSecurityException {
    Redactor created = Redactor.create(settings(configuration));
    LogText text = new LogText(created);
    ReflectiveAccess.use(instrumentation);
    RedactionBridge.install(new RedactionHooks(text));
    if (Boolean.parseBoolean(configuration.get(AgentOption.REDACTION_STDOUT))) {
      StandardStreamRedaction.install(text);
    }
    return created;
  }

  static RedactionSettings settings(AgentConfiguration configuration)
      throws IOException, GeneralSecurityException {
    RedactionSettings.Builder settings = RedactionSettings.builder();
    String detectors = configuration.get(AgentOption.REDACTION_DETECTORS);
    if (!detectors.equals("all")) {
      settings.detectors(detectors);
    }
    settings.style(
        configuration.get(AgentOption.REDACTION_STYLE).equals("hash") ? RedactionStyle.HASH : RedactionStyle.MASK);
    String keys = configuration.get(AgentOption.REDACTION_KEYS);
    if (!keys.isBlank()) {
      for (String key : keys.split(",")) {
        settings.extraKey(key);
      }
    }
    String patterns = configuration.get(AgentOption.REDACTION_PATTERNS);
    if (!patterns.isBlank()) {
      List<String> each = PatternList.split(patterns);
      for (int i = 0; i < each.size(); i++) {
        settings.pattern("pattern-" + (i + 1), each.get(i));
      }
    }
    String keyFile = AgentAudit.keyFile();
    if (keyFile != null && !keyFile.isEmpty() && Files.isRegularFile(Path.of(keyFile))) {
      settings.hashKey(RedactionHashKey.derivedFrom(Files.readAllBytes(Path.of(keyFile))));
    }
    settings.onFailure(new FailureReport());
    return settings.build();
  }

  /**
   * A redaction failure, said once per stage, and once more for each thing to change that a
   * failure's advice names (the package to open). A class, as a lambda would spin one at start.
   */
  private static final class FailureReport implements Consumer<RedactionFailure> {
    @Override
    public void accept(RedactionFailure failure) {
      String advice = failure.advice();
      AgentReport.once(
          "redaction-failure-" + failure.stage() + (advice.isEmpty() ? "" : "-" + advice),
          "redaction of " + failure.stage().toLowerCase(Locale.ROOT) + " failed ("
              + (advice.isEmpty() ? failure.exceptionType() : advice)
              + "); it was written as " + Redactor.FAILED + ", further failures are counted");
    }
  }
}
