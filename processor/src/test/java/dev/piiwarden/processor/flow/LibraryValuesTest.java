package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowCompilation.sinkAt;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.FlowFixtures.PHONE;
import static dev.piiwarden.processor.flow.SinkStubs.LOG;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.SinkKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDK's encodings and collection factories hand back the data they were given; a number
 * worked out from it ({@code email.length()}) is not that data.
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
}
