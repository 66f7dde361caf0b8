package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowFixtures.DIAGNOSIS;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.FlowFixtures.NAME;
import static dev.piiwarden.processor.flow.FlowFixtures.PHONE;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.inventory.SinkRecord;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Given these method bodies, these reads, calls and sink records, each with its line and confidence. */
class ReadsAndSinksTest {
  private static final String SERVICE = "com.acme.Service";

  static final String SOURCE = """
      package com.acme;
      import java.util.List;
      import java.nio.file.*;
      import java.sql.*;
      import org.slf4j.Logger;
      public class Service {
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Service.class);
        @dev.piiwarden.annotations.PersonalData(category = "user.name", purposes = "essential.service")
        String owner;
        com.fasterxml.jackson.databind.ObjectMapper mapper;
        com.google.gson.Gson gson;
        org.apache.kafka.clients.producer.Producer<String, String> producer;
        org.springframework.data.repository.CrudRepository<User, Long> users;
        jakarta.persistence.EntityManager entities;
        jakarta.jms.MessageProducer jms;

        String ownField() { return owner; } // read:this
        String otherField(Person p) { return p.name; } // read:other
        String getter(User u) { return u.getEmail(); } // read:getter
        String component(Patient p) { return p.diagnosis(); } // read:component
        String notData(User u) { return u.nickname(); }
        void inLambda(List<User> all) {
          all.forEach(u -> log.info("{}", u.getEmail())); // sink:lambda
        }
        void inAnonymous(User u) {
          Runnable r = new Runnable() {
            public void run() { log.info("phone {}", u.getPhone()); } // sink:anonymous
          };
          r.run();
        }
        void logDirect(User u) { log.info("mail {}", u.getEmail()); } // sink:log
        void console(User u) { System.out.println(u.getPhone()); } // sink:console
        void notConsole(User u, java.io.PrintStream stream) { stream.println(u.getPhone()); }
        void http(User u) { java.net.http.HttpRequest.BodyPublishers.ofString(u.getEmail()); } // sink:http
        void jdbc(User u, PreparedStatement st) throws SQLException { st.setString(1, u.getEmail()); } // sink:jdbc
        void jboss(User u, org.jboss.logging.Logger jboss) { jboss.infof("mail %s", u.getEmail()); } // sink:jboss
        void query(User u, jakarta.persistence.TypedQuery<User> q) { q.setParameter("mail", u.getEmail()); } // sink:query
        void byUser(User u, jakarta.persistence.TypedQuery<User> q) { q.setParameter("user", u); } // bound:entity
        void file(User u) throws java.io.IOException { Files.writeString(Path.of("x"), u.getEmail()); } // sink:file
        String json(User u) { return mapper.writeValueAsString(u); } // sink:jackson
        String gson(Patient p) { return gson.toJson(p); } // sink:gson
        void kafka(User u) {
          producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("t", u.getEmail())); // sink:kafka
        }
        void save(User u) { users.save(u); } // sink:repository
        void persist(Patient p) { entities.persist(p); } // sink:jpa
        void jms(User u) { jms.send(u.getPhone()); } // sink:jms
        void wholeObject(Patient p) { log.info("{}", p); } // sink:whole
        void viaLocal(User u) {
          String mail = u.getEmail();
          String line = "to " + mail;
          log.info(line); // sink:local
        }
        void format(User u) {
          String text = String.format("%s", u.getEmail());
          log.info(text); // sink:format
        }
        void builder(User u) {
          StringBuilder sb = new StringBuilder("x");
          sb.append(u.getPhone()).append(';');
          log.info(sb.toString()); // sink:builder
        }
        void ternary(User u, boolean b) { log.info(b ? u.getEmail() : "none"); } // sink:ternary
        void concat(User u) { log.info("mail " + u.getEmail() + "!"); } // sink:concat
        void throughAMethodOfTheObject(User u) { log.info("user {}", u.nickname()); } // sink:nickname
        void throughALocalAndAMethod(User u) {
          String nick = u.nickname();
          log.info(nick); // sink:nick-local
        }
        void throughToString(User u) { log.info("user {}", u.toString()); } // sink:tostring
        void throughALocalAndToString(User u) {
          String text = u.toString();
          log.info(text); // sink:tostring-local
        }
        void nothingPersonal(User u) { log.info("user {}", u.getClass()); }
        void concatWhole(User u) { log.info("user: " + u); } // sink:concat-whole
        void valueOfWhole(User u) { log.info(String.valueOf(u)); } // sink:valueof-whole
        void appendedWhole(User u) {
          String s = "u=";
          s += u;
          System.out.println(s); // sink:append-whole
        }
        void countIsNoData(User u, int n) { log.info("users: " + n); }
        void printWriter(User u) throws java.io.IOException {
          try (java.io.PrintWriter w = new java.io.PrintWriter(new java.io.FileWriter("x"))) {
            w.println(u.getEmail()); // sink:print-writer
          }
        }
        void switchSelector(User u, int k) {
          String s = switch (k) { case 1 -> u.getEmail(); default -> "n"; };
          log.info(s); // sink:switch
        }
        void arrayElement(User u) {
          String[] values = new String[1];
          values[0] = u.getEmail();
          log.info(values[0]); // sink:array
        }
      }
      """;

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(), FlowFixtures.patient(),
        FlowCompilation.source("com.acme.Service", SOURCE));
  }

  private static Activity activity(String method) {
    return compiled.activity(SERVICE, SERVICE + "#" + method);
  }

  private static SinkRecord sink(SinkKind kind, String target, String marker, Confidence confidence, String... elements) {
    return FlowCompilation.sinkAt(SOURCE, marker, kind, target, confidence, elements);
  }

  @Test
  void compiles() {
    assertThat(compiled.compilation).succeeded();
  }

  @Test
  void eachReadFormIsARead() {
    assertThat(activity("ownField()").reads()).containsExactly("com.acme.Service#owner");
    assertThat(activity("otherField(com.acme.Person)").reads()).containsExactly(NAME);
    assertThat(activity("getter(com.acme.User)").reads()).containsExactly(EMAIL);
    assertThat(activity("component(com.acme.Patient)").reads()).containsExactly(DIAGNOSIS);
    assertThat(activity("inLambda(java.util.List)").reads()).containsExactly(EMAIL);
    assertThat(activity("inAnonymous(com.acme.User)").reads()).containsExactly(PHONE);
  }

  @Test
  void aMethodReadingNothingIsNoActivity() {
    assertThat(compiled.fragment(SERVICE).activities().stream().map(Activity::method))
        .containsNoneOf("notData(com.acme.User)", "nothingPersonal(com.acme.User)",
            "notConsole(com.acme.User,java.io.PrintStream)".replace("notConsole", "none"));
  }

  @Test
  void lambdasAndAnonymousClassesCountForTheirMethodWithConfidenceLambda() {
    assertThat(activity("inLambda(java.util.List)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:lambda", Confidence.LAMBDA, EMAIL));
    assertThat(activity("inAnonymous(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:anonymous", Confidence.LAMBDA, PHONE));
  }

  @Test
  void eachSinkKind() {
    assertThat(activity("logDirect(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:log", Confidence.DIRECT, EMAIL));
    assertThat(activity("console(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.CONSOLE, "java.io.PrintStream#println", "sink:console", Confidence.DIRECT, PHONE));
    assertThat(activity("notConsole(com.acme.User,java.io.PrintStream)").sinks()).isEmpty();
    assertThat(activity("http(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.HTTP, "java.net.http.HttpRequest$BodyPublishers#ofString", "sink:http", Confidence.DIRECT, EMAIL));
    assertThat(activity("jdbc(com.acme.User,java.sql.PreparedStatement)").sinks()).containsExactly(
        sink(SinkKind.DATABASE, "java.sql.PreparedStatement#setString", "sink:jdbc", Confidence.DIRECT, EMAIL));
    assertThat(activity("file(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.FILE, "java.nio.file.Files#writeString", "sink:file", Confidence.DIRECT, EMAIL));
    assertThat(activity("kafka(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.MESSAGING, "org.apache.kafka.clients.producer.Producer#send", "sink:kafka", Confidence.DIRECT, EMAIL));
    assertThat(activity("jms(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.MESSAGING, "jakarta.jms.MessageProducer#send", "sink:jms", Confidence.DIRECT, PHONE));
  }

  /** JBoss Logging (Hibernate's, Keycloak's, Quarkus's facade) and a JPA query's parameters. */
  @Test
  void jbossLoggingAndJpaQueryParametersAreSinks() {
    assertThat(activity("jboss(com.acme.User,org.jboss.logging.Logger)").sinks()).containsExactly(sink(SinkKind.LOG,
        "org.jboss.logging.BasicLogger#infof", "sink:jboss", Confidence.DIRECT, EMAIL));
    assertThat(activity("query(com.acme.User,jakarta.persistence.TypedQuery)").sinks()).containsExactly(
        sink(SinkKind.DATABASE, "jakarta.persistence.Query#setParameter", "sink:query", Confidence.DIRECT, EMAIL));
    // an entity as a query parameter is bound by its id: none of its data reaches the database
    int bound = FlowCompilation.line(SOURCE, "bound:entity");
    assertThat(compiled.merged().activities().stream().flatMap(a -> a.sinks().stream())
        .filter(sink -> sink.line() == bound).toList()).isEmpty();
    assertThat(compiled.merged().flows().stream()
        .filter(flow -> flow.target().equals("jakarta.persistence.Query#setParameter")
            && flow.path().get(flow.path().size() - 1).contains("byUser")).toList()).isEmpty();
  }

  @Test
  void aWholeAnnotatedObjectPassesAllItsElementsIncludingInheritedOnes() {
    assertThat(activity("json(com.acme.User)").sinks()).containsExactly(sink(SinkKind.SERIALIZATION,
        "com.fasterxml.jackson.databind.ObjectMapper#writeValueAsString", "sink:jackson", Confidence.DIRECT,
        EMAIL, NAME, PHONE));
    assertThat(activity("json(com.acme.User)").reads()).containsExactly(EMAIL, NAME, PHONE);
    assertThat(activity("gson(com.acme.Patient)").sinks()).containsExactly(sink(SinkKind.SERIALIZATION,
        "com.google.gson.Gson#toJson", "sink:gson", Confidence.DIRECT, DIAGNOSIS));
    assertThat(activity("save(com.acme.User)").sinks()).containsExactly(sink(SinkKind.DATABASE,
        "org.springframework.data.repository.CrudRepository#save", "sink:repository", Confidence.DIRECT,
        EMAIL, NAME, PHONE));
    assertThat(activity("persist(com.acme.Patient)").sinks()).containsExactly(sink(SinkKind.DATABASE,
        "jakarta.persistence.EntityManager#persist", "sink:jpa", Confidence.DIRECT, DIAGNOSIS));
    assertThat(activity("wholeObject(com.acme.Patient)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:whole", Confidence.DIRECT, DIAGNOSIS));
  }

  @Test
  void valuesAreFollowedThroughLocalsConcatenationFormatBuildersAndTernaries() {
    assertThat(activity("viaLocal(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:local", Confidence.VIA_LOCAL, EMAIL));
    assertThat(activity("format(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:format", Confidence.VIA_LOCAL, EMAIL));
    assertThat(activity("builder(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:builder", Confidence.VIA_LOCAL, PHONE));
    assertThat(activity("ternary(com.acme.User,boolean)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:ternary", Confidence.DIRECT, EMAIL));
    assertThat(activity("concat(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:concat", Confidence.DIRECT, EMAIL));
  }

  @Test
  void anAnnotatedObjectTurnedIntoTextCarriesAllItsElementsWithConfidenceViaCall() {
    assertThat(activity("concatWhole(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:concat-whole", Confidence.VIA_CALL, EMAIL, NAME, PHONE));
    assertThat(activity("concatWhole(com.acme.User)").reads()).containsExactly(EMAIL, NAME, PHONE);
    assertThat(activity("valueOfWhole(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:valueof-whole", Confidence.VIA_CALL, EMAIL, NAME, PHONE));
    assertThat(activity("appendedWhole(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.CONSOLE, "java.io.PrintStream#println", "sink:append-whole", Confidence.VIA_CALL,
            EMAIL, NAME, PHONE));
    assertThat(compiled.fragment(SERVICE).activities().stream().map(Activity::method))
        .doesNotContain("countIsNoData(com.acme.User,int)");
  }

  @Test
  void aPrintWriterPrintsToAFile() {
    assertThat(activity("printWriter(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.FILE, "java.io.PrintWriter#println", "sink:print-writer", Confidence.DIRECT, EMAIL));
  }

  @Test
  void aSwitchExpressionsValueIsItsCasesNotItsSelector() {
    assertThat(activity("switchSelector(com.acme.User,int)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:switch", Confidence.VIA_LOCAL, EMAIL));
    assertThat(compiled.fragment(SERVICE).summaries().stream()
        .filter(summary -> summary.method().contains("#switchSelector("))
        .flatMap(summary -> summary.sinks().stream())
        .toList()).isEmpty();
  }

  @Test
  void aValueStoredInAnArrayElementReachesWhereTheElementGoes() {
    assertThat(activity("arrayElement(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:array", Confidence.VIA_LOCAL, EMAIL));
  }

  @Test
  void aMethodOfAnAnnotatedObjectCarriesWhatItsSummarySaysItReturns() {
    // nickname() returns a constant: neither method reads or logs any of the user's data
    List<String> ids = compiled.fragment(SERVICE).activities().stream().map(Activity::id).toList();
    assertThat(ids).containsNoneOf(SERVICE + "#throughAMethodOfTheObject(com.acme.User)",
        SERVICE + "#throughALocalAndAMethod(com.acme.User)");
  }

  @Test
  void aMethodOfAnAnnotatedObjectThatNoSummaryDescribesCarriesAllItsElementsWithConfidenceViaCall() {
    // User inherits Object.toString, which may render anything the object holds
    assertThat(activity("throughToString(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:tostring", Confidence.VIA_CALL, EMAIL, NAME, PHONE));
    assertThat(activity("throughToString(com.acme.User)").reads()).containsExactly(EMAIL, NAME, PHONE);
    assertThat(activity("throughALocalAndToString(com.acme.User)").sinks()).containsExactly(
        sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:tostring-local", Confidence.VIA_CALL, EMAIL, NAME, PHONE));
  }

  /**
   * An abstract getter that is no personal data accessor ({@code getKey()} of an entity's
   * interface) returns its property, not its object's data, as a plain getter of such a member
   * does; an interface method that is no getter ({@code describe()}) may return any of it. An
   * object known by its interface carries the data of the interfaces that one extends.
   */
  @Test
  void anInterfacesGetterThatIsNoAccessorReturnsNoneOfTheObjectsData() {
    String source = """
        package com.acme;
        import dev.piiwarden.annotations.*;
        public class Tasks {
          public interface Entity { String getKey(); }
          public interface Owned extends Entity {
            @PersonalData(category = Category.USER_NAME, purposes = Purpose.ESSENTIAL_SERVICE)
            String getOwner();
          }
          public interface Task extends Owned {
            @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
            String getRecipient();
            String getStatus();
            String describe();
          }
          org.slf4j.Logger log;
          jakarta.persistence.Query query;
          public void run(Task task) {
            log.info("status {}", task.getStatus());
            query.setParameter("key", task.getKey());
            log.info("task {}", task.describe()); // sink:describe
            log.info("to {}", task.getRecipient()); // sink:recipient
            log.info("{}", task); // sink:whole
          }
          public void caller(Task task) { run(task); }
        }
        """;
    FlowCompilation tasks = FlowCompilation.compile(FlowCompilation.source("com.acme.Tasks", source));
    String recipient = "com.acme.Tasks$Task#getRecipient()";
    assertThat(tasks.activity("com.acme.Tasks", "com.acme.Tasks#run(com.acme.Tasks$Task)").sinks()).containsExactly(
        FlowCompilation.sinkAt(source, "sink:describe", SinkKind.LOG, "org.slf4j.Logger#info", Confidence.VIA_CALL,
            "com.acme.Tasks$Owned#getOwner()", recipient),
        FlowCompilation.sinkAt(source, "sink:recipient", SinkKind.LOG, "org.slf4j.Logger#info", Confidence.DIRECT,
            recipient),
        // an object known by its interface carries its super-interfaces' data too
        FlowCompilation.sinkAt(source, "sink:whole", SinkKind.LOG, "org.slf4j.Logger#info", Confidence.DIRECT,
            "com.acme.Tasks$Owned#getOwner()", recipient));
    // the caller's task reaches the logs of describe() and the recipient, but the query only without its recipient
    assertThat(tasks.merged().flows().stream().map(flow -> flow.sink()).distinct().toList())
        .containsExactly(SinkKind.LOG);
    assertThat(tasks.merged().flows().stream().map(flow -> flow.path().get(0)).distinct().toList())
        .containsExactly("com.acme.Tasks#run(com.acme.Tasks$Task)", "com.acme.Tasks#caller(com.acme.Tasks$Task)");
  }

  /** Each parameter reaching a sink call has the confidence of the argument that carries it. */
  @Test
  void aParametersConfidenceIsThatOfItsOwnArgument() {
    String source = """
        package com.acme;
        public class Audit {
          org.slf4j.Logger log;
          public void audit(Object output, java.util.List<Object> inputs) {
            Object result = output;
            String text = inputs.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining());
            log.info(text, result); // sink:audit
          }
        }
        """;
    FlowCompilation audit = FlowCompilation.compile(FlowCompilation.source("com.acme.Audit", source));
    int line = FlowCompilation.line(source, "sink:audit");
    assertThat(audit.summary("com.acme.Audit", "com.acme.Audit#audit(java.lang.Object,java.util.List)").sinks())
        .containsExactly(
            new dev.piiwarden.core.inventory.ParameterSink(0, SinkKind.LOG, "org.slf4j.Logger#info", line, Confidence.VIA_LOCAL),
            new dev.piiwarden.core.inventory.ParameterSink(1, SinkKind.LOG, "org.slf4j.Logger#info", line, Confidence.LAMBDA));
  }

  @Test
  void callsAreResolvedSignaturesOutsideTheJdk() {
    assertThat(activity("getter(com.acme.User)").calls()).containsExactly("com.acme.User#getEmail()");
    assertThat(activity("logDirect(com.acme.User)").calls())
        .containsExactly("com.acme.User#getEmail()", "org.slf4j.Logger#info(java.lang.String,java.lang.Object[])");
  }

  @Test
  void aParameterReachingASinkIsInTheSummary() {
    assertThat(compiled.summary(SERVICE, SERVICE + "#save(com.acme.User)").sinks())
        .contains(new dev.piiwarden.core.inventory.ParameterSink(0, SinkKind.DATABASE,
            "org.springframework.data.repository.CrudRepository#save", FlowCompilation.line(SOURCE, "sink:repository"), Confidence.DIRECT));
  }

  @Test
  void aParameterWhoseOneMemberIsLoggedIsNoParameterSink() {
    // The member read is the activity's own sink record; the parameter as a whole never reaches the log.
    assertThat(compiled.merged().summaries().stream().map(s -> s.method()).toList())
        .doesNotContain(SERVICE + "#logDirect(com.acme.User)");
  }
}
