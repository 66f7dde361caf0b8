package dev.piiwarden.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionChecksTest {
  @Test
  void aListedValueIsOneOfTheWordsOfItsList() {
    assertTrue(OptionChecks.listed("monitor", "enforce, monitor"));
    assertTrue(OptionChecks.listed("enforce", "enforce, monitor"));
    assertFalse(OptionChecks.listed("enforcing", "enforce, monitor"));
    assertFalse(OptionChecks.listed("force", "enforce, monitor"));
    assertFalse(OptionChecks.listed("", "enforce, monitor"));
    assertFalse(OptionChecks.listed("enforce, monitor", "enforce, monitor"));
  }

  @Test
  void backreferencesAndLookaroundNeedBacktracking() {
    for (String pattern : new String[] {"(a)\\1", "(?<x>a)\\k<x>", "a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b"}) {
      assertTrue(OptionChecks.needsBacktracking(pattern), pattern);
    }
    for (String pattern : new String[] {"ACME-\\d{6}", "\\\\1", "(?:ab)+", "(?<name>x)", "\\(?=", "a\\\\"}) {
      assertFalse(OptionChecks.needsBacktracking(pattern), pattern);
    }
  }

  /** The agent refuses and takes what piiwarden redact --detectors does: one parser, core's. */
  @org.junit.jupiter.params.ParameterizedTest(name = "\"{0}\"")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"", ",", "email,", "EMAIL", "all,email", "fax",
      "all", "email, phone", "credential"})
  void detectorsAreCheckedAsTheCliChecksThem(String value) {
    assertEquals(dev.piiwarden.core.options.DetectorsOption.problem(value),
        AgentOption.REDACTION_DETECTORS.problem(value));
  }

  @Test
  void eachOptionSaysWhatIsWrongWithAValue() {
    assertEquals(Optional.of("'enforcing' is not allowed"), AgentOption.CONSENT_MODE.problem("enforcing"));
    assertEquals(Optional.empty(), AgentOption.AUDIT_ACCESS.problem("all"));
    assertEquals(Optional.of("'sms' is not a detector"), AgentOption.REDACTION_DETECTORS.problem("email, sms"));
    assertEquals(Optional.empty(), AgentOption.REDACTION_DETECTORS.problem("email,ip"));
    assertEquals(Optional.of("'P5' is not an ISO-8601 duration"), AgentOption.CONSENT_CACHE_TTL.problem("P5"));
    assertEquals(Optional.of("'-PT1S' is negative"), AgentOption.CONSENT_CACHE_TTL.problem("-PT1S"));
    assertEquals(Optional.of("'P1Y' counts years, months or weeks, which are not accepted (a year or a month"
        + " has no fixed length); give days and time, e.g. P365D or PT12H"),
        AgentOption.CONSENT_CACHE_TTL.problem("P1Y"));
    assertEquals(
        Optional.of("'(a)\\1' needs backtracking (backreference or lookaround)"),
        AgentOption.REDACTION_PATTERNS.problem("ACME-\\d+,(a)\\1"));
    assertTrue(AgentOption.REDACTION_PATTERNS.problem("[a-").orElseThrow().startsWith("'[a-' is not a regular expression"));
    assertEquals(Optional.of("'[REDACTED:email](?=x)' needs backtracking (backreference or lookaround)"),
        AgentOption.REDACTION_PATTERNS.problem("alice@example\\.com(?=x)"));
    assertEquals(Optional.of("'kafka:x' is not a known sink"), AgentOption.AUDIT_SINK.problem("kafka:x"));
    assertEquals(Optional.empty(), AgentOption.CONSENT_STORE.problem("jdbc:postgresql://db/app"));
  }
}
