package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowCompilation.sinkAt;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.FlowFixtures.PHONE;
import static dev.piiwarden.processor.flow.SinkStubs.LOG;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.SinkKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK's encodings and collection factories hand back the data they were given; a number
 * worked out from it ({@code email.length()}) is not that data. A third-party object keeps what
 * its setters are handed.
 */
class LibraryValuesTest {
  private static final String SHARES = "com.acme.Shares";

  static final String SOURCE = """
      package com.acme;
      import java.util.*;
      import org.slf4j.Logger;
      public class Shares {
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Shares.class);
        void listed(User user) { log.info("{}", List.of(user.getEmail())); } // sink:listed
        void mapped(User user) { log.info("{}", Map.of("phone", user.getPhone())); } // sink:mapped
        void encoded(User user) {
          log.info(Base64.getEncoder().encodeToString(user.getEmail().getBytes())); // sink:encoded
        }
        void escaped(User user) throws Exception {
          log.info(java.net.URLEncoder.encode(user.getPhone(), "UTF-8")); // sink:escaped
        }
        void empty(User user) { log.info("{} {}", Collections.emptyList(), user.getEmail().length()); }
      }
      """;

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source(SHARES, SOURCE));
  }

  private static Object sinks(String method) {
    return compiled.activity(SHARES, SHARES + "#" + method + "(com.acme.User)").sinks();
  }

  @Test
  void collectionsBuiltFromPersonalDataCarryIt() {
    assertThat(compiled.compilation).succeeded();
    assertThat(sinks("listed")).isEqualTo(java.util.List.of(
        sinkAt(SOURCE, "sink:listed", SinkKind.LOG, LOG, Confidence.DIRECT, EMAIL)));
    assertThat(sinks("mapped")).isEqualTo(java.util.List.of(
        sinkAt(SOURCE, "sink:mapped", SinkKind.LOG, LOG, Confidence.DIRECT, PHONE)));
  }

  @Test
  void aNumberWorkedOutFromPersonalDataIsNone() {
    assertThat(sinks("empty")).isEqualTo(java.util.List.of());
  }

  @Test
  void encodingsCarryWhatTheyEncode() {
    assertThat(sinks("encoded")).isEqualTo(java.util.List.of(
        sinkAt(SOURCE, "sink:encoded", SinkKind.LOG, LOG, Confidence.DIRECT, EMAIL)));
    assertThat(sinks("escaped")).isEqualTo(java.util.List.of(
        sinkAt(SOURCE, "sink:escaped", SinkKind.LOG, LOG, Confidence.DIRECT, PHONE)));
  }

  /**
   * A value handed to a setter of a third-party object held in a local ({@code entry.setWho(email)})
   * is held by the object from then on, and goes where the object goes: serialized by a
   * third-party helper and logged. A setter handed nothing personal adds nothing.
   */
  @Test
  void aThirdPartyObjectHoldsWhatItsSettersAreHanded(@TempDir Path dir) throws IOException {
    String auditor = """
        package com.acme;
        public class Auditor {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Auditor.class);
          public void audit(User user) {
            org.example.audit.AuditEntry entry = new org.example.audit.AuditEntry();
            entry.setWho(user.getEmail());
            entry.setWhat("login");
            log.info(org.example.audit.Pojo.serialize(entry)); // sink:audit
          }
          public void plain(User user) {
            org.example.audit.AuditEntry entry = new org.example.audit.AuditEntry();
            entry.setWhat("login " + user.getEmail().length());
            log.info(org.example.audit.Pojo.serialize(entry));
          }
        }
        """;
    Inventory inventory = StandaloneCompilation.libraryAndApplication(dir, Map.of(
        "org/example/audit/AuditEntry.java", """
            package org.example.audit;
            public class AuditEntry {
              private String who;
              private String what;
              public void setWho(String who) { this.who = who; }
              public void setWhat(String what) { this.what = what; }
            }
            """,
        "org/example/audit/Pojo.java", """
            package org.example.audit;
            public final class Pojo { public static String serialize(Object value) { return String.valueOf(value); } }
            """,
        "org/slf4j/Logger.java", "package org.slf4j; public interface Logger { void info(String message); }",
        "org/slf4j/LoggerFactory.java", """
            package org.slf4j;
            public final class LoggerFactory { public static Logger getLogger(Class<?> type) { return null; } }
            """), Map.of("com/acme/Auditor.java", auditor));
    assertThat(inventory.activities().stream().filter(a -> a.id().equals("com.acme.Auditor#audit(com.acme.User)"))
        .flatMap(a -> a.sinks().stream()).toList())
        .containsExactly(sinkAt(auditor, "sink:audit", SinkKind.LOG, "org.slf4j.Logger#info", Confidence.VIA_CALL, EMAIL));
    assertThat(inventory.activities().stream().filter(a -> a.id().equals("com.acme.Auditor#plain(com.acme.User)"))
        .flatMap(a -> a.sinks().stream()).toList()).isEmpty();
  }
}
