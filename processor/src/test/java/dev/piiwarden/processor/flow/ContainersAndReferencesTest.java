package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowFixtures.DIAGNOSIS;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.FlowFixtures.NAME;
import static dev.piiwarden.processor.flow.FlowFixtures.PHONE;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.inventory.SinkRecord;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Collections, arrays, {@code Optional}s, maps and streams of annotated objects carry the elements
 * of what they hold; method references that are sinks sink what they are applied to.
 */
class ContainersAndReferencesTest {
  private static final String REPORTS = "com.acme.Reports";
  private static final String JSON = "com.fasterxml.jackson.databind.ObjectMapper#writeValueAsString";

  static final String SOURCE = """
      package com.acme;
      import java.util.*;
      import org.slf4j.Logger;
      public class Reports {
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Reports.class);
        private final com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        private final Archive archive = new Archive();
        void list(List<User> users) { log.info("{}", users); } // sink:list
        void array(Patient[] patients) { log.debug("{}", patients); } // sink:array
        void optional(Optional<Patient> patient) { log.debug("{}", patient); } // sink:optional
        String map(Map<String, Patient> byWard) { return mapper.writeValueAsString(byWard); } // sink:map
        void nested(List<Set<Patient>> groups) { log.debug("{}", groups); } // sink:nested
        void custom(Users users) { log.debug("{}", users); } // sink:custom
        void names(List<String> names) { log.debug("{}", names); }
        void handed(List<User> users) { archive.keep(users); }
        void eachEmail(List<User> users) {
          users.stream().map(User::getEmail).forEach(log::warn); // sink:ref-map
        }
        void eachUser(List<User> users) {
          users.forEach(System.out::println); // sink:ref-console
        }
        List<String> serialized(List<Patient> patients) {
          return patients.stream().map(mapper::writeValueAsString).toList(); // sink:ref-json
        }
        void eachLambdaEmail(List<User> users) {
          users.stream().map(u -> u.getEmail()).forEach(log::warn); // sink:lambda-map
        }
        void notASink(List<User> users) { users.forEach(this::keep); }
        private void keep(User user) {}
      }
      class Users extends ArrayList<User> {}
      class Archive {
        void keep(Collection<User> users) { System.out.println(users); }
      }
      """;

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(), FlowFixtures.patient(),
        FlowCompilation.source(REPORTS, SOURCE));
  }

  private static Activity activity(String method) {
    return compiled.activity(REPORTS, REPORTS + "#" + method);
  }

  private static SinkRecord sink(SinkKind kind, String target, String marker, Confidence confidence, String... elements) {
    return FlowCompilation.sinkAt(SOURCE, marker, kind, target, confidence, elements);
  }

  @Test
  void compiles() {
    assertThat(compiled.compilation).succeeded();
  }

  @Test
  void containersOfAnnotatedObjectsPassAllElementsOfTheElementType() {
    assertThat(activity("list(java.util.List)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:list", Confidence.DIRECT, EMAIL, NAME, PHONE));
    assertThat(activity("list(java.util.List)").reads()).containsExactly(EMAIL, NAME, PHONE);
    assertThat(activity("array(com.acme.Patient[])").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#debug", "sink:array", Confidence.DIRECT, DIAGNOSIS));
    assertThat(activity("optional(java.util.Optional)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#debug", "sink:optional", Confidence.DIRECT, DIAGNOSIS));
    assertThat(activity("map(java.util.Map)").sinks()).containsExactly(
        sink(SinkKind.SERIALIZATION, JSON, "sink:map", Confidence.DIRECT, DIAGNOSIS));
    assertThat(activity("nested(java.util.List)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#debug", "sink:nested", Confidence.DIRECT, DIAGNOSIS));
    assertThat(activity("custom(com.acme.Users)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#debug", "sink:custom", Confidence.DIRECT, EMAIL, NAME, PHONE));
  }

  @Test
  void aContainerOfPlainValuesCarriesNothing() {
    assertThat(compiled.fragment(REPORTS).activities().stream().map(Activity::method))
        .containsNoneOf("names(java.util.List)", "notASink(java.util.List)");
  }

  @Test
  void aContainerHandedToAnotherMethodReachesItsSink() {
    assertThat(compiled.merged().flows()).containsAtLeast(
        new Flow(EMAIL, SinkKind.CONSOLE, "java.io.PrintStream#println",
            List.of(REPORTS + "#handed(java.util.List)", "com.acme.Archive#keep(java.util.Collection)")),
        new Flow(PHONE, SinkKind.CONSOLE, "java.io.PrintStream#println",
            List.of(REPORTS + "#handed(java.util.List)", "com.acme.Archive#keep(java.util.Collection)")));
  }

  @Test
  void methodReferencesThatAreSinksSinkWhatTheyAreAppliedTo() {
    assertThat(activity("eachEmail(java.util.List)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#warn", "sink:ref-map", Confidence.LAMBDA, EMAIL));
    assertThat(activity("eachUser(java.util.List)").sinks()).containsExactly(
        sink(SinkKind.CONSOLE, "java.io.PrintStream#println", "sink:ref-console", Confidence.LAMBDA,
            EMAIL, NAME, PHONE));
    assertThat(activity("eachUser(java.util.List)").reads()).containsExactly(EMAIL, NAME, PHONE);
    assertThat(activity("serialized(java.util.List)").sinks()).containsExactly(
        sink(SinkKind.SERIALIZATION, JSON, "sink:ref-json", Confidence.LAMBDA, DIAGNOSIS));
    assertThat(activity("eachLambdaEmail(java.util.List)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#warn", "sink:lambda-map", Confidence.LAMBDA, EMAIL));
  }
}
