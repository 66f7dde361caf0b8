package dev.piiwarden.cli;

import java.util.Map;
import picocli.CommandLine.ParseResult;

/** Whether failures print their stack trace: {@code --debug} or {@code PIIWARDEN_DEBUG=1}. */
final class DebugSwitch {
  static final String OPTION = "--debug";
  static final String ENVIRONMENT_VARIABLE = "PIIWARDEN_DEBUG";

  private final boolean fromEnvironment;

  private DebugSwitch(boolean fromEnvironment) {
    this.fromEnvironment = fromEnvironment;
  }

  static DebugSwitch fromEnvironment(Map<String, String> env) {
    String value = env.get(ENVIRONMENT_VARIABLE);
    return new DebugSwitch("1".equals(value) || "true".equalsIgnoreCase(value));
  }

  /** On when the environment asks for it or {@code --debug} was given at any command level. */
  boolean isOn(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(OPTION)) {
        return true;
      }
    }
    return fromEnvironment;
  }
}
