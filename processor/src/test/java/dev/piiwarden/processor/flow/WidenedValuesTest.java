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
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An annotated object or array cast to a wider type ({@code (Object) users}), assigned to a local
 * of one ({@code Object o = user}) or put in an array of one ({@code Object[] args = { user }})
 * still carries its personal data.
 */
class WidenedValuesTest {
  private static final String BATCH = "com.acme.Batch";

  static final String SOURCE = """
      package com.acme;
      import org.slf4j.Logger;
      public class Batch {
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Batch.class);
        void castArray(User[] users) {
          log.info("users {}", (Object) users); // sink:cast-array
        }
        void castOne(User one) {
          log.info("one {}", (Object) one); // sink:cast-one
        }
        void castNested(User[][] pages) {
          log.info("pages {}", (Object) pages); // sink:cast-nested
        }
        void toSuperclass(User user) {
          Person p = user;
          log.info("person {}", p); // sink:superclass
        }
        void declared(User[] users) {
          Object o = users;
          log.info("users {}", o); // sink:declared
        }
        void assigned(User user) {
          Object payload = "none";
          payload = user;
          log.info("payload {}", payload); // sink:assigned
        }
        void arrayOfObjects(User user) {
          Object[] args = { user };
          log.info("args {}", args); // sink:array
        }
        void castValue(User user) {
          log.info("mail {}", (Object) user.getEmail()); // sink:value
        }
        void plain(String text, User user) {
          Object o = text;
          log.info("text {}", o);
          Object[] args = { text, new Object() };
          log.info("args {}", args);
          log.info("class {}", (Object) user.getClass());
        }
      }
      """;

  private static final JavaFileObject FILE = FlowCompilation.source(BATCH, SOURCE);
  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(), FILE);
  }

  private static Activity activity(String method) {
    return compiled.activity(BATCH, BATCH + "#" + method);
  }

  private static Object sink(String marker, Confidence confidence, String... elements) {
    return sinkAt(SOURCE, marker, SinkKind.LOG, LOG, confidence, elements);
  }

  @Test
  void compiles() {
    assertThat(compiled.compilation).succeeded();
  }

  @Test
  void aCastToObjectKeepsTheObjectsData() {
    assertThat(activity("castArray(com.acme.User[])").sinks())
        .containsExactly(sink("sink:cast-array", Confidence.DIRECT, NAME, EMAIL, PHONE));
    assertThat(activity("castArray(com.acme.User[])").reads()).containsExactly(NAME, EMAIL, PHONE);
    assertThat(activity("castOne(com.acme.User)").sinks())
        .containsExactly(sink("sink:cast-one", Confidence.DIRECT, NAME, EMAIL, PHONE));
    assertThat(activity("castNested(com.acme.User[][])").sinks())
        .containsExactly(sink("sink:cast-nested", Confidence.DIRECT, NAME, EMAIL, PHONE));
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data " + NAME + ", " + EMAIL + ", " + PHONE
            + " reaches the LOG sink org.slf4j.Logger#info.")
        .inFile(FILE).onLineContaining("// sink:cast-array");
    assertThat(compiled.merged().flows()).contains(
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of(BATCH + "#castArray(com.acme.User[])")));
  }

  @Test
  void aLocalOfAWiderTypeKeepsWhatItIsGiven() {
    assertThat(activity("toSuperclass(com.acme.User)").sinks())
        .containsExactly(sink("sink:superclass", Confidence.VIA_LOCAL, NAME, EMAIL, PHONE));
    assertThat(activity("declared(com.acme.User[])").sinks())
        .containsExactly(sink("sink:declared", Confidence.VIA_LOCAL, NAME, EMAIL, PHONE));
    assertThat(activity("assigned(com.acme.User)").sinks())
        .containsExactly(sink("sink:assigned", Confidence.VIA_LOCAL, NAME, EMAIL, PHONE));
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data " + NAME + ", " + EMAIL + ", " + PHONE)
        .inFile(FILE).onLineContaining("// sink:assigned");
  }

  @Test
  void anArrayOfObjectsKeepsTheDataOfWhatItHolds() {
    assertThat(activity("arrayOfObjects(com.acme.User)").sinks())
        .containsExactly(sink("sink:array", Confidence.VIA_LOCAL, NAME, EMAIL, PHONE));
    assertThat(compiled.merged().flows()).contains(
        new Flow(PHONE, SinkKind.LOG, LOG, List.of(BATCH + "#arrayOfObjects(com.acme.User)")));
  }

  @Test
  void aCastValueIsOnlyThatValue() {
    assertThat(activity("castValue(com.acme.User)").sinks())
        .containsExactly(sink("sink:value", Confidence.DIRECT, EMAIL));
  }

  @Test
  void plainValuesStayPlain() {
    assertThat(compiled.fragment(BATCH).activities().stream().map(Activity::method))
        .doesNotContain("plain(java.lang.String,com.acme.User)");
  }
}
