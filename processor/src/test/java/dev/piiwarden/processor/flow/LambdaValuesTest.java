package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowCompilation.sinkAt;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.FlowFixtures.NAME;
import static dev.piiwarden.processor.flow.FlowFixtures.PHONE;
import static dev.piiwarden.processor.flow.SinkStubs.LOG;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A lambda handed to a stream, {@code Optional} or collection takes what they hold, so does the
 * variable of an enhanced {@code for}; {@code map} and the collectors yield what their functions yield.
 */
class LambdaValuesTest {
  private static final String LAMBDAS = "com.acme.Lambdas";

  static final String SOURCE = """
      package com.acme;
      import java.util.*;
      import java.util.stream.*;
      import org.slf4j.Logger;
      public class Lambdas {
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Lambdas.class);
        private Directory directory;
        void present(Optional<User> user) {
          user.map(User::getEmail).ifPresent(e -> log.info("email {}", e)); // sink:present
        }
        void each(List<User> users) {
          users.stream().map(User::getPhone).forEach(p -> log.info("phone {}", p)); // sink:each
        }
        void filtered(List<User> users) {
          users.stream().map(User::getEmail).filter(e -> e.endsWith(".org")).forEach(e -> {
            log.info("email {}", e); // sink:filtered
          });
        }
        void loop(List<User> users) {
          for (var e : users.stream().map(User::getEmail).toList()) {
            log.info("email {}", e); // sink:loop
          }
        }
        void keyed(List<User> users) {
          Map<String, String> byName = users.stream().collect(Collectors.toMap(u -> u.name, User::getPhone));
          log.info("map {}", byName); // sink:keyed
        }
        void counted(List<User> users) {
          Map<String, Long> perPhone = users.stream().collect(Collectors.groupingBy(User::getPhone, Collectors.counting()));
          log.info("counts {}", perPhone); // sink:counted
        }
        void joined(List<User> users) {
          log.warn(users.stream().map(User::getEmail).collect(Collectors.joining(","))); // sink:joined
        }
        String found(String email) {
          return directory.find(email).map(User::getEmail).map(e -> {
            log.info("found {}", e); // sink:block
            return e;
          }).orElse("none");
        }
        void onlyMapped(User user) {
          log.info("email {}", Optional.ofNullable(user).map(User::getEmail).orElse("none")); // sink:only
        }
        void plain(List<String> names) {
          for (String n : names) {
            log.info("name {}", n);
          }
          names.forEach(n -> log.info("name {}", n));
        }
      }
      interface Directory {
        Optional<User> find(String email);
      }
      """;

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source(LAMBDAS, SOURCE));
  }

  private static Activity activity(String method) {
    return compiled.activity(LAMBDAS, LAMBDAS + "#" + method);
  }

  private static Object sink(String target, String marker, String... elements) {
    return sinkAt(SOURCE, marker, SinkKind.LOG, target, Confidence.LAMBDA, elements);
  }

  @Test
  void compiles() {
    assertThat(compiled.compilation).succeeded();
  }

  @Test
  void aLambdaParameterTakesWhatTheStreamOrOptionalHolds() {
    assertThat(activity("present(java.util.Optional)").sinks()).containsExactly(sink(LOG, "sink:present", EMAIL));
    assertThat(activity("each(java.util.List)").sinks()).containsExactly(sink(LOG, "sink:each", PHONE));
    assertThat(activity("filtered(java.util.List)").sinks()).containsExactly(sink(LOG, "sink:filtered", EMAIL));
    assertThat(activity("found(java.lang.String)").sinks()).containsExactly(sink(LOG, "sink:block", EMAIL));
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data com.acme.User#email reaches the LOG sink org.slf4j.Logger#info.")
        .inFile(FlowCompilation.source(LAMBDAS, SOURCE)).onLineContaining("// sink:present");
  }

  @Test
  void aBlockLambdaYieldsWhatItReturns() {
    assertThat(compiled.summary(LAMBDAS, LAMBDAS + "#found(java.lang.String)").returns().elements())
        .containsExactly(EMAIL);
  }

  @Test
  void theVariableOfAnEnhancedForTakesWhatItIteratesOver() {
    assertThat(activity("loop(java.util.List)").sinks()).containsExactly(sink(LOG, "sink:loop", EMAIL));
  }

  @Test
  void collectorsYieldWhatTheirFunctionsYield() {
    assertThat(activity("keyed(java.util.List)").sinks()).containsExactly(sink(LOG, "sink:keyed", NAME, PHONE));
    assertThat(activity("counted(java.util.List)").sinks()).containsExactly(sink(LOG, "sink:counted", PHONE));
    assertThat(activity("joined(java.util.List)").sinks())
        .containsExactly(sink("org.slf4j.Logger#warn", "sink:joined", EMAIL));
  }

  @Test
  void mapOnAnOptionalYieldsTheFunctionsValueNotTheWholeObject() {
    assertThat(activity("onlyMapped(com.acme.User)").sinks()).containsExactly(sink(LOG, "sink:only", EMAIL));
    assertThat(activity("onlyMapped(com.acme.User)").reads()).containsExactly(EMAIL);
    int line = FlowCompilation.line(SOURCE, "sink:only");
    assertThat(compiled.compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getLineNumber() == line)
        .map(d -> d.getMessage(null))
        .filter(m -> m.contains("PW017") || m.contains(PHONE) || m.contains(NAME))
        .toList()).isEmpty();
  }

  @Test
  void plainValuesStayPlain() {
    assertThat(compiled.fragment(LAMBDAS).activities().stream().map(Activity::method))
        .doesNotContain("plain(java.util.List)");
  }

}
