package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowCompilation.sinkAt;
import static dev.piiwarden.processor.flow.FlowFixtures.DIAGNOSIS;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.FlowFixtures.NAME;
import static dev.piiwarden.processor.flow.FlowFixtures.PHONE;
import static dev.piiwarden.processor.flow.SinkStubs.LOG;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.ReturnValue;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a serializer returns holds what it serialized: the JSON text of a user, sent or logged
 * afterwards, sends or logs the user's data.
 */
class SerializedValuesTest {
  private static final String OUTBOX = "com.acme.Outbox";
  private static final String JSON = "com.fasterxml.jackson.databind.ObjectMapper#writeValueAsString";
  private static final String BODY = "java.net.http.HttpRequest$BodyPublishers#ofString";

  static final String SOURCE = """
      package com.acme;
      import java.net.http.HttpRequest;
      import org.slf4j.Logger;
      public class Outbox {
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Outbox.class);
        private final com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        private final com.google.gson.Gson gson = new com.google.gson.Gson();
        void logged(User user) {
          String body = mapper.writeValueAsString(user); // sink:serialized
          log.info(body); // sink:logged
        }
        HttpRequest.BodyPublisher sent(Patient patient) {
          return HttpRequest.BodyPublishers.ofString(gson.toJson(patient)); // sink:sent
        }
        String json(User user) { return mapper.writeValueAsString(user); }
        void viaMethod(User user) {
          log.info(json(user));
        }
        void order(String id) {
          String body = mapper.writeValueAsString(new Order(id));
          log.info(body);
        }
      }
      class Order {
        final String id;
        Order(String id) { this.id = id; }
      }
      """;

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(), FlowFixtures.patient(),
        FlowCompilation.source(OUTBOX, SOURCE));
  }

  private static String outbox(String method) {
    return OUTBOX + "#" + method;
  }

  @Test
  void compiles() {
    assertThat(compiled.compilation).succeeded();
  }

  @Test
  void serializedTextLoggedLaterIsALogSinkOfTheObjectsElements() {
    assertThat(compiled.activity(OUTBOX, outbox("logged(com.acme.User)")).sinks()).containsExactly(
        sinkAt(SOURCE, "sink:serialized", SinkKind.SERIALIZATION, JSON, Confidence.DIRECT, EMAIL, NAME, PHONE),
        sinkAt(SOURCE, "sink:logged", SinkKind.LOG, LOG, Confidence.VIA_CALL, EMAIL, NAME, PHONE));
  }

  @Test
  void serializedTextHandedToAnHttpBodyIsAnHttpSink() {
    assertThat(compiled.activity(OUTBOX, outbox("sent(com.acme.Patient)")).sinks()).containsExactly(
        sinkAt(SOURCE, "sink:sent", SinkKind.SERIALIZATION, "com.google.gson.Gson#toJson", Confidence.DIRECT,
            DIAGNOSIS),
        sinkAt(SOURCE, "sink:sent", SinkKind.HTTP, BODY, Confidence.VIA_CALL, DIAGNOSIS));
  }

  @Test
  void aMethodReturningSerializedTextReturnsTheElementsAndItsParameter() {
    assertThat(compiled.summary(OUTBOX, outbox("json(com.acme.User)")).returns())
        .isEqualTo(new ReturnValue(List.of(EMAIL, NAME, PHONE), List.of(0), List.of()));
    assertThat(compiled.merged().flows()).contains(
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of(outbox("json(com.acme.User)"), outbox("viaMethod(com.acme.User)"))));
  }

  @Test
  void serializingAnObjectWithoutPersonalDataCarriesNothing() {
    assertThat(compiled.merged().flows().stream().map(Flow::path).flatMap(List::stream))
        .doesNotContain(outbox("order(java.lang.String)"));
  }
}
