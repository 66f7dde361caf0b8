package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.SinkStubs.LOG;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Methods declared in an enum constant's body ({@code EMAIL { void notify(User u) { … } }}): the body
 * is an anonymous class written in no method, so its methods are analysed as methods of their own,
 * named by the anonymous class ({@code Channel$1}), like the methods of a member class.
 */
class EnumConstantBodiesTest {
  private static final String CONSOLE = "java.io.PrintStream#println";
  private static final String MAIL = "com.acme.Channel$1#notify(com.acme.User)";
  private static final String TEXT = "com.acme.Channel$2#notify(com.acme.User)";

  static final String CHANNEL = """
      package com.acme;
      import org.slf4j.Logger;
      public enum Channel {
        EMAIL {
          @Override void notify(User u) { log.info("mailing {}", u.getEmail()); } // sink:email
        },
        SMS {
          @Override void notify(User u) { System.out.println("texting " + u.getEmail()); } // sink:sms
        },
        NONE;
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Channel.class);
        void notify(User u) {}
      }
      """;
  static final String NOTIFIER = """
      package com.acme;
      public class Notifier {
        void send(User u, Channel c) { c.notify(u); }
      }
      """;

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Channel", CHANNEL), FlowCompilation.source("com.acme.Notifier", NOTIFIER));
  }

  @Test
  void eachConstantBodysSinkIsReportedOnItsLine() {
    assertThat(compiled.compilation).succeeded();
    List<Long> lines = compiled.compilation.diagnostics().stream()
        .filter(d -> d.getMessage(null).contains("PW018"))
        .filter(d -> d.getSource() != null && d.getSource().getName().endsWith("Channel.java"))
        .map(d -> d.getLineNumber()).toList();
    assertThat(lines).containsExactly((long) FlowCompilation.line(CHANNEL, "sink:email"),
        (long) FlowCompilation.line(CHANNEL, "sink:sms"));
    assertThat(compiled.compilation).hadWarningContaining(
        "PW018: Personal data com.acme.User#email reaches the LOG sink org.slf4j.Logger#info.");
    assertThat(compiled.compilation).hadWarningContaining(
        "PW018: Personal data com.acme.User#email reaches the CONSOLE sink java.io.PrintStream#println.");
  }

  @Test
  void eachConstantBodysMethodIsAnActivityWithItsSink() {
    assertThat(compiled.activity("com.acme.Channel", MAIL).sinks()).containsExactly(
        FlowCompilation.sinkAt(CHANNEL, "sink:email", SinkKind.LOG, LOG, Confidence.DIRECT, EMAIL));
    assertThat(compiled.activity("com.acme.Channel", MAIL).reads()).containsExactly(EMAIL);
    assertThat(compiled.activity("com.acme.Channel", TEXT).sinks()).containsExactly(
        FlowCompilation.sinkAt(CHANNEL, "sink:sms", SinkKind.CONSOLE, CONSOLE, Confidence.DIRECT, EMAIL));
    assertThat(compiled.fragment("com.acme.Channel").activities()).hasSize(2);
  }

  /** The data is read in the constant's method, so its flows start there, as in any method that reads it. */
  @Test
  void theFlowsStartInTheConstantsMethods() {
    assertThat(compiled.merged().flows()).containsExactly(
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of(MAIL)),
        new Flow(EMAIL, SinkKind.CONSOLE, CONSOLE, List.of(TEXT)));
  }
}
