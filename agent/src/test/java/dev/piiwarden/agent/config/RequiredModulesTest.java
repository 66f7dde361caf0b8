package dev.piiwarden.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A store or sink whose module the runtime lacks stops the start; the others need none. */
class RequiredModulesTest {
  /** A layer with no modules at all, as a runtime without any of the optional ones. */
  private static final ModuleLayer NONE = ModuleLayer.empty();

  @Test
  void aJdbcStoreNeedsJavaSql() throws ConfigurationError {
    AgentConfiguration store = given("consent.store=jdbc:postgresql://db/app?password=s3cret");
    assertEquals("piiwarden: configuration error: piiwarden.consent.store: jdbc: URLs need the"
        + " java.sql module, which this Java runtime does not have; add java.sql to the runtime image"
        + " (jlink --add-modules <its modules>,java.sql), to --limit-modules if Java is started with it, or else"
        + " start Java with --add-modules java.sql",
        assertThrows(ConfigurationError.class, () -> RequiredModules.check(store, NONE)).line());
    RequiredModules.check(store, ModuleLayer.boot());
  }

  @Test
  void aJdbcOrOtlpSinkNeedsItsModule() {
    assertEquals("piiwarden.audit.sink: jdbc: URLs need the java.sql module", prefix(
        assertThrows(ConfigurationError.class,
            () -> RequiredModules.check(given("audit.sink=jdbc:postgresql://db/app"), NONE))));
    assertEquals("piiwarden.audit.sink: otlp: URLs need the java.net.http module",
        prefix(assertThrows(ConfigurationError.class,
            () -> RequiredModules.check(given("audit.sink=otlp:http://collector:4318"), NONE))));
  }

  @Test
  void fileAndMemoryStoresAndJsonlAndNoSinkNeedNoModule() throws ConfigurationError {
    RequiredModules.check(given("consent.store=file:c.jsonl,audit.sink=jsonl:t.jsonl"), NONE);
    RequiredModules.check(given("consent.store=memory:,audit.sink=none"), NONE);
  }

  private static String prefix(ConfigurationError error) {
    return error.getMessage().substring(0, error.getMessage().indexOf(" module") + " module".length());
  }

  private static AgentConfiguration given(String arguments) throws ConfigurationError {
    return new ConfigurationSources(Map.of(), Map.of(), arguments).resolve();
  }
}
