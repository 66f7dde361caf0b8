package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowFixtures.DIAGNOSIS;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.FlowFixtures.NAME;
import static dev.piiwarden.processor.flow.FlowFixtures.PHONE;
import static dev.piiwarden.processor.flow.SinkStubs.LOG;

import dev.piiwarden.core.inventory.ArgumentPass;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values stored in fields that are no personal data themselves but can hold any value (text,
 * {@code Object}, containers, type variables): a response's {@code Object} body, a message's
 * recipient, a service's last address. What is stored is followed to every read of the field, in
 * whatever method and object, with the field in the path.
 */
class HeldFieldsTest {
  private static final String API = "com.acme.Api";
  private static final String RESPONSE = "com.acme.Response";
  private static final String BODY = RESPONSE + "#body";
  private static final String CONSOLE = "java.io.PrintStream#println";

  static final String SOURCE = """
      package com.acme;
      import java.util.HashMap;
      import java.util.Map;
      import org.slf4j.Logger;
      public class Api {
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Api.class);
        private static final String TOPIC = "users";
        private String lastEmail;
        private final Map<String, Object> extra = new HashMap<>();
        private Object unused;
        void remember(User user) {
          lastEmail = user.getEmail(); // store:last
        }
        void report() {
          log.info(lastEmail); // sink:last
        }
        Response found(User user) {
          return Response.ok(user);
        }
        void write(Response response) {
          log.info("{}", response.body()); // sink:body
        }
        void envelope(User user) {
          Envelope envelope = new Envelope();
          envelope.to = user.getPhone(); // store:to
          send(envelope);
        }
        void send(Envelope envelope) {
          log.info(envelope.to); // sink:to
        }
        void keep(Patient patient) {
          this.extra.put("patient", patient); // store:extra
        }
        void dump() {
          System.out.println(extra); // sink:extra
        }
        void topic() {
          log.info(TOPIC);
        }
        void nothing() {
          log.info("{}", unused);
        }
        void listed(User user) {
          java.util.List<Object> items = new java.util.ArrayList<>();
          items.add(user);
          log.info("{}", items); // sink:items
        }
        void reference(User user) {
          Ticket ticket = new Ticket(user.getEmail(), "A-1");
          log.info(ticket.getRef());
        }
        void saved(User user) throws Exception {
          Order order = new Order();
          order.setContact(user.getEmail());
          new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(order);
        }
        void audit(User user) {
          Registry.Journal.LAST = user.getPhone();
        }
        void later() {
          Runnable task = () -> log.info(Registry.Journal.LAST);
          task.run();
        }
        Box<String> boxed(Person person) {
          return new Box<>(person.name);
        }
        void named(Person person) {
          log.info(boxed(person).get());
        }
      }
      record Response(int status, Object body) {
        static Response ok(Object body) {
          return new Response(200, body);
        }
      }
      class Envelope {
        String to;
      }
      class Registry {
        static class Journal {
          static String LAST;
        }
      }
      class Ticket {
        private final String contact;
        private final String ref;
        Ticket(String contact, String ref) { this.contact = contact; this.ref = ref; }
        String getRef() { return ref; }
      }
      class Order {
        private static String lastContact;
        private String contact;
        private int quantity;
        void setContact(String contact) { this.contact = contact; }
      }
      class Box<T> {
        private final T value;
        Box(T value) { this.value = value; }
        T get() { return value; }
      }
      """;

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(), FlowFixtures.patient(),
        FlowCompilation.source(API, SOURCE));
  }

  private static String api(String method) {
    return API + "#" + method;
  }

  private static List<Flow> flows() {
    return compiled.merged().flows();
  }

  @Test
  void compiles() {
    assertThat(compiled.compilation).succeeded();
  }

  @Test
  void aStoreInAFieldIsAPassToTheField() {
    assertThat(compiled.summary(API, api("remember(com.acme.User)")).passes()).contains(
        new ArgumentPass(API + "#lastEmail", 0, FlowCompilation.line(SOURCE, "store:last"), List.of(EMAIL),
            List.of(), Confidence.DIRECT));
  }

  @Test
  void aFieldStoredInOneMethodAndLoggedInAnotherIsAFlowThroughTheField() {
    assertThat(flows()).contains(new Flow(EMAIL, SinkKind.LOG, LOG,
        List.of(api("remember(com.acme.User)"), API + "#lastEmail", api("report()"))));
  }

  @Test
  void loggingAFieldThatPersonalDataWasStoredInIsAWarningOnThatLine() {
    List<Long> warned = compiled.compilation.warnings().stream()
        .filter(warning -> warning.getMessage(null).startsWith("PW018")
            && warning.getSource().getName().endsWith("Api.java"))
        .map(warning -> warning.getLineNumber())
        .toList();
    // stored in this compilation by a method of its own: last, to, extra; not the record's body,
    // whose value comes in through parameters (the merged flows have it), nor unused or TOPIC
    assertThat(warned).containsAtLeast((long) FlowCompilation.line(SOURCE, "sink:last"),
        (long) FlowCompilation.line(SOURCE, "sink:to"), (long) FlowCompilation.line(SOURCE, "sink:extra"));
    assertThat(warned).doesNotContain((long) FlowCompilation.line(SOURCE, "sink:body"));
  }

  @Test
  void aRecordsObjectComponentCarriesTheWholeObjectItWasBuiltWith() {
    for (String element : List.of(EMAIL, NAME, PHONE)) {
      assertThat(flows()).contains(new Flow(element, SinkKind.LOG, LOG, List.of(api("found(com.acme.User)"),
          RESPONSE + "#ok(java.lang.Object)", RESPONSE + "#<init>(int,java.lang.Object)", BODY,
          api("write(com.acme.Response)"))));
    }
  }

  @Test
  void aFieldOfAnotherObjectCarriesWhatWasStoredInIt() {
    assertThat(flows()).contains(new Flow(PHONE, SinkKind.LOG, LOG,
        List.of(api("envelope(com.acme.User)"), "com.acme.Envelope#to", api("send(com.acme.Envelope)"))));
  }

  @Test
  void aContainerFieldCarriesWhatIsPutIntoIt() {
    assertThat(flows()).contains(new Flow(DIAGNOSIS, SinkKind.CONSOLE, CONSOLE,
        List.of(api("keep(com.acme.Patient)"), API + "#extra", api("dump()"))));
  }

  @Test
  void aLocalCollectionCarriesWhatIsAddedToIt() {
    assertThat(compiled.activity(API, api("listed(com.acme.User)")).sinks()).containsExactly(
        FlowCompilation.sinkAt(SOURCE, "sink:items", SinkKind.LOG, LOG, Confidence.VIA_LOCAL, EMAIL, NAME, PHONE));
  }

  @Test
  void aGenericHolderCarriesWhatItsConstructorWasHanded() {
    assertThat(flows()).contains(new Flow(NAME, SinkKind.LOG, LOG,
        List.of(api("boxed(com.acme.Person)"), "com.acme.Box#<init>(java.lang.Object)", "com.acme.Box#value",
            "com.acme.Box#get()", api("named(com.acme.Person)"))));
  }

  @Test
  void aPlainGetterOfAnotherFieldReturnsThatFieldNotWhatTheObjectWasBuiltFrom() {
    // the ticket holds the address in contact, but its ref is logged
    assertThat(compiled.activity(API, api("reference(com.acme.User)")).sinks()).isEmpty();
    assertThat(flows().stream().map(Flow::path).flatMap(List::stream)).doesNotContain(api("reference(com.acme.User)"));
  }

  @Test
  void anObjectSerializedWholeCarriesWhatItsSetterStoredAndTheStoringMethodMayReadItBack() {
    assertThat(flows()).contains(new Flow(EMAIL, SinkKind.SERIALIZATION,
        "com.fasterxml.jackson.databind.ObjectMapper#writeValueAsString",
        List.of(api("saved(com.acme.User)"), "com.acme.Order#setContact(java.lang.String)", "com.acme.Order#contact",
            api("saved(com.acme.User)"))));
    // a static field is no part of the object; a number holds nothing
    assertThat(compiled.summary(API, api("saved(com.acme.User)")).resultSinks().stream()
        .map(sink -> sink.result().callee()).toList()).containsExactly("com.acme.Order#contact");
  }

  @Test
  void aStaticFieldOfANestedClassReadInALambdaIsAFlowWithLambdaConfidence() {
    assertThat(flows()).contains(new Flow(PHONE, SinkKind.LOG, LOG,
        List.of(api("audit(com.acme.User)"), "com.acme.Registry$Journal#LAST", api("later()"))));
    assertThat(compiled.summary(API, api("later()")).resultSinks().stream()
        .map(sink -> sink.result().callee() + " " + sink.confidence()).toList())
        .containsExactly("com.acme.Registry$Journal#LAST LAMBDA");
  }

  @Test
  void constantsAndFieldsNothingPersonalIsStoredInCarryNothing() {
    assertThat(flows().stream().map(Flow::path).flatMap(List::stream))
        .containsNoneOf(api("topic()"), api("nothing()"));
    assertThat(compiled.fragment(API).summaries().stream().map(s -> s.method()).toList())
        .doesNotContain(api("topic()"));
  }
}
