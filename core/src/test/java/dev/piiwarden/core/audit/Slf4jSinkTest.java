package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.read.ListAppender;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class Slf4jSinkTest {
  @TempDir Path folder;

  @Test
  void withoutSlf4jOnTheClassPathTheSinkIsRefusedByName() {
    ClassLoader withoutSlf4j = new URLClassLoader(new URL[0], null);
    AuditException refused = assertThrows(AuditException.class,
        () -> Slf4jSink.forLogger("audit", withoutSlf4j));
    assertEquals("piiwarden.audit.sink=slf4j:audit needs the SLF4J API (org.slf4j:slf4j-api) on"
        + " the application's class path; add it or choose another sink", refused.getMessage());
  }

  @Test
  void withSlf4jEachRecordIsOneInfoLineOfTheNamedLoggerAndTheLinesStillVerify() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("piiwarden.audit.test");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    logger.addAppender(captured);
    try {
      Slf4jSink sink = Slf4jSink.forLogger("piiwarden.audit.test", getClass().getClassLoader());
      HashChain chain = new HashChain(AuditFixtures.KEY, ChainPosition.START);
      List<SealedRecord> records = List.of(chain.seal(AuditFixtures.access(1)), chain.seal(AuditFixtures.access(2)));
      sink.write(records);
      assertEquals("slf4j:piiwarden.audit.test", sink.describe());
      assertEquals(2, captured.list.size());
      for (int i = 0; i < records.size(); i++) {
        assertEquals(Level.INFO, captured.list.get(i).getLevel());
        assertEquals(records.get(i).line(), captured.list.get(i).getFormattedMessage());
      }
      Path copy = folder.resolve("from-log.jsonl");
      Files.write(copy, captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
      assertTrue(new AuditVerifier(AuditFixtures.KEY).verify(List.of(copy)).ok(),
          "the logged lines are the chain itself");
    } finally {
      logger.detachAppender(captured);
    }
  }

  @Test
  void eachLineIsMarkedAsTheTrailsOwnWhileItIsLogged() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("piiwarden.audit.test.marked");
    List<String> markedWhenAppended = new ArrayList<>();
    List<String> marks = new ArrayList<>();
    OwnLineMarker marker = new OwnLineMarker() {
      private String current;

      @Override
      public boolean begin(String line) {
        marks.add("begin");
        current = line;
        return true;
      }

      @Override
      public void end() {
        marks.add("end");
        current = null;
      }

      @Override
      public String toString() {
        return String.valueOf(current);
      }
    };
    AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        markedWhenAppended.add(event.getFormattedMessage().equals(marker.toString()) ? "marked" : "unmarked");
      }
    };
    appender.start();
    logger.addAppender(appender);
    try {
      Slf4jSink sink = Slf4jSink.forLogger("piiwarden.audit.test.marked", getClass().getClassLoader()).marking(marker);
      HashChain chain = new HashChain(AuditFixtures.KEY, ChainPosition.START);
      sink.write(List.of(chain.seal(AuditFixtures.access(1)), chain.seal(AuditFixtures.access(2))));
      assertEquals(List.of("marked", "marked"), markedWhenAppended);
      assertEquals(List.of("begin", "end", "begin", "end"), marks);
    } finally {
      logger.detachAppender(appender);
    }
  }

  @Test
  void badSinkUrisNameTheOption() {
    assertEquals("piiwarden.audit.sink=kafka:x is not a sink; use jsonl:<path>, slf4j:<logger>,"
        + " jdbc:<url>, otlp:<http endpoint> or none",
        assertThrows(AuditException.class, () -> SinkUri.parse("kafka:x")).getMessage());
    assertThrows(AuditException.class, () -> SinkUri.parse("otlp:localhost:4318"));
    assertEquals("piiwarden.audit.sink=otlp:http://h:-1/ has port '-1', which is not a number from 1 to"
        + " 65535; use otlp:<http endpoint> with a host and a port from 1 to 65535 (or none), e.g."
        + " otlp:http://localhost:4318",
        assertThrows(AuditException.class, () -> SinkUri.parse("otlp:http://h:-1/")).getMessage());
    assertTrue(assertThrows(AuditException.class, () -> SinkUri.parse("otlp:http://h:99999/")).getMessage()
        .contains(" has port 99999, which is not a number from 1 to 65535;"));
    assertTrue(assertThrows(AuditException.class, () -> SinkUri.parse("otlp:https://:4318/")).getMessage()
        .contains("otlp:https://:4318/ has no host;"));
    assertEquals("none", SinkUri.parse("none").scheme());
  }
}
