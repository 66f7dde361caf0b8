package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.FlowFixtures.NAME;

import dev.piiwarden.core.inventory.SinkRecord;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An exception carries what its constructor was handed; thrown in a {@code try}, the matching
 * {@code catch} parameter carries it, and so do its message and the exception handed to a logger.
 */
class ThrownValuesTest {
  private static final String DELIVERY = """
      package com.acme;
      public class Delivery {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Delivery.class);
        void deliver(User u) {
          try {
            throw new IllegalStateException("cannot deliver to " + u.name);
          } catch (IllegalStateException e) {
            log.error("delivery failed", e); // log:exception
            log.error("delivery failed: {}", e.getMessage()); // log:message
          }
        }
        void local(User u) {
          try {
            RuntimeException problem = new IllegalArgumentException(u.getEmail());
            throw problem;
          } catch (IllegalArgumentException | UnsupportedOperationException e) {
            log.warn(e.getLocalizedMessage()); // log:multi
          }
        }
        void nested(User u) {
          try {
            try {
              throw new IllegalStateException(u.getEmail());
            } catch (UnsupportedOperationException e) {
              log.warn("unrelated", e); // log:unrelated
            }
          } catch (RuntimeException e) {
            log.warn(e.toString()); // log:outer
          }
        }
        void rethrown(User u) {
          try {
            try {
              throw new IllegalStateException(u.getEmail());
            } catch (IllegalStateException e) {
              throw new RuntimeException("wrapped", e);
            }
          } catch (RuntimeException e) {
            log.warn("failed", e); // log:rethrown
          }
        }
        void clean(User u) {
          try {
            throw new IllegalStateException("no user");
          } catch (IllegalStateException e) {
            log.error("failed", e); // log:clean
          }
        }
      }
      """;

  @Test
  void anExceptionCarriesWhatItWasMadeFromToItsCatch() {
    JavaFileObject delivery = FlowCompilation.source("com.acme.Delivery", DELIVERY);
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(), delivery);

    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.compilation).hadWarningContaining("PW018: Personal data " + NAME + " reaches the LOG sink")
        .inFile(delivery).onLineContaining("// log:exception");
    assertThat(compiled.compilation).hadWarningContaining("PW018: Personal data " + NAME + " reaches the LOG sink")
        .inFile(delivery).onLineContaining("// log:message");
    assertThat(compiled.compilation).hadWarningContaining("PW018: Personal data " + EMAIL + " reaches the LOG sink")
        .inFile(delivery).onLineContaining("// log:multi");
    assertThat(compiled.compilation).hadWarningContaining("PW018: Personal data " + EMAIL + " reaches the LOG sink")
        .inFile(delivery).onLineContaining("// log:outer");
    assertThat(compiled.compilation).hadWarningContaining("PW018: Personal data " + EMAIL + " reaches the LOG sink")
        .inFile(delivery).onLineContaining("// log:rethrown");
    assertThat(pw018Lines(compiled)).containsNoneOf(
        FlowCompilation.line(DELIVERY, "log:unrelated"), FlowCompilation.line(DELIVERY, "log:clean"));
    assertThat(compiled.activity("com.acme.Delivery", "com.acme.Delivery#deliver(com.acme.User)").sinks()
        .stream().map(SinkRecord::line).toList()).containsExactly(
            FlowCompilation.line(DELIVERY, "log:exception"), FlowCompilation.line(DELIVERY, "log:message"));
  }

  private static List<Integer> pw018Lines(FlowCompilation compiled) {
    return compiled.compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getMessage(null).startsWith("PW018"))
        .map(d -> (int) d.getLineNumber())
        .toList();
  }
}
