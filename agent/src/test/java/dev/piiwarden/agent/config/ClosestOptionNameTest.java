package dev.piiwarden.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The option an unknown name is said to mean: the one whose last part holds the name's last part,
 * else one a typo away, else none. Environment variables come in as dotted names ({@code
 * PIIWARDEN_CONSENT_CACHE_TL} as {@code piiwarden.consent.cache.tl}).
 */
class ClosestOptionNameTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "piiwarden.consent.ttl          | piiwarden.consent.cache-ttl",
      "piiwarden.audit.key            | piiwarden.audit.key-file",
      "piiwarden.mode                 | piiwarden.consent.mode",
      "piiwarden.audit.keyfile        | piiwarden.audit.key-file",
      "piiwarden.redaction.detector   | piiwarden.redaction.detectors",
      "piiwarden.redaction.enable     | piiwarden.redaction.enabled",
      "piiwarden.consnt.mode          | piiwarden.consent.mode",
      "piiwarden.consent.stor         | piiwarden.consent.store",
      "piiwarden.audit.acces          | piiwarden.audit.access",
      "piiwarden.consent.cache.tl     | piiwarden.consent.cache-ttl",
      "piiwarden.consent.mdoe         | piiwarden.consent.mode",
      "piiwarden.foo                  | none",
      "piiwarden.debug                | none",
      "piiwarden.                     | none",
      "piiwarden.consent              | none"})
  void theClosestNameOrNone(String typed, String expected) {
    assertEquals(Optional.ofNullable(expected), ClosestOptionName.to(typed).map(AgentOption::key));
  }
}
