package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.SinkStubs.LOG;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An accessor annotated on a supertype (the usual contract and DTO shape: the interface or abstract
 * class carries {@code @PersonalData}, the implementation does not repeat it) is that element when
 * it is called on the implementing class, and an object of that class carries it whole.
 */
class InheritedAccessorsTest {
  private static final String ELEMENT = "com.acme.Contact#getEmail()";

  private static final String NOTIFIER = """
      package com.acme;
      public class Notifier {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Notifier.class);
        void viaImplementation(Person p) { log.info(p.getEmail()); } // log:implementation
        void viaContract(Contact c) { log.info(c.getEmail()); } // log:contract
        void whole(Person p) { log.info("{}", p); } // log:whole
      }
      """;

  private static final String PERSON = """
      package com.acme;
      public class Person %s Contact {
        private final String email;
        public Person(String email) { this.email = email; }
        @Override public String getEmail() { return email; }
      }
      """;

  @Test
  void anAccessorAnnotatedOnAnInterfaceIsReadThroughItsImplementation() {
    JavaFileObject notifier = FlowCompilation.source("com.acme.Notifier", NOTIFIER);
    FlowCompilation compiled = FlowCompilation.compile(
        FlowCompilation.source("com.acme.Contact", """
            package com.acme;
            import dev.piiwarden.annotations.*;
            public interface Contact {
              @PersonalData(category = Category.USER_CONTACT_EMAIL) String getEmail();
            }
            """),
        FlowCompilation.source("com.acme.Person", PERSON.formatted("implements")),
        notifier);
    assertThatEachCallReadsTheContractsElement(compiled, notifier);
  }

  @Test
  void anAccessorAnnotatedOnAnAbstractClassIsReadThroughItsSubclass() {
    JavaFileObject notifier = FlowCompilation.source("com.acme.Notifier", NOTIFIER);
    FlowCompilation compiled = FlowCompilation.compile(
        FlowCompilation.source("com.acme.Contact", """
            package com.acme;
            import dev.piiwarden.annotations.*;
            public abstract class Contact {
              @PersonalData(category = Category.USER_CONTACT_EMAIL) public abstract String getEmail();
            }
            """),
        FlowCompilation.source("com.acme.Person", PERSON.formatted("extends")),
        notifier);
    assertThatEachCallReadsTheContractsElement(compiled, notifier);
  }

  private static void assertThatEachCallReadsTheContractsElement(FlowCompilation compiled, JavaFileObject notifier) {
    assertThat(compiled.compilation).succeeded();
    for (String marker : List.of("log:implementation", "log:contract", "log:whole")) {
      assertThat(compiled.compilation)
          .hadWarningContaining("PW018: Personal data " + ELEMENT + " reaches the LOG sink " + LOG + ".")
          .inFile(notifier).onLineContaining("// " + marker);
    }
    assertThat(compiled.activity("com.acme.Notifier", "com.acme.Notifier#viaImplementation(com.acme.Person)")
        .reads()).containsExactly(ELEMENT);
    assertThat(compiled.activity("com.acme.Notifier", "com.acme.Notifier#viaImplementation(com.acme.Person)")
        .sinks()).containsExactly(FlowCompilation.sinkAt(NOTIFIER, "log:implementation", SinkKind.LOG, LOG,
            Confidence.DIRECT, ELEMENT));
    assertThat(compiled.activity("com.acme.Notifier", "com.acme.Notifier#whole(com.acme.Person)").sinks())
        .containsExactly(FlowCompilation.sinkAt(NOTIFIER, "log:whole", SinkKind.LOG, LOG, Confidence.DIRECT, ELEMENT));
    assertThat(compiled.merged().flows()).containsExactly(
        new Flow(ELEMENT, SinkKind.LOG, LOG, List.of("com.acme.Notifier#viaImplementation(com.acme.Person)")),
        new Flow(ELEMENT, SinkKind.LOG, LOG, List.of("com.acme.Notifier#viaContract(com.acme.Contact)")),
        new Flow(ELEMENT, SinkKind.LOG, LOG, List.of("com.acme.Notifier#whole(com.acme.Person)")));
  }
}
