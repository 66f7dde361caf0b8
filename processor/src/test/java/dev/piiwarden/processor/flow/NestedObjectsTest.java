package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.inventory.SinkRecord;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An object logged, serialized or sent whole carries the elements of the annotated objects its
 * fields refer to, recursively (the agent's redaction walks them too, and a {@code toString} or a
 * serializer writes them); saved to a database, those of its value objects, not of related
 * entities (a relation is stored by its id).
 */
class NestedObjectsTest {
  private static final String NAME = "com.acme.Resident#name";
  private static final String CITY = "com.acme.Home#city";
  private static final String NOTE = "com.acme.Parcel#note";

  private static JavaFileObject home() {
    return FlowCompilation.source("com.acme.Home", """
        package com.acme;
        import dev.piiwarden.annotations.*;
        public class Home {
          @PersonalData(category = Category.USER_CONTACT_ADDRESS_CITY, purposes = Purpose.ESSENTIAL_SERVICE)
          private String city;
        }
        """);
  }

  private static JavaFileObject resident() {
    return FlowCompilation.source("com.acme.Resident", """
        package com.acme;
        import dev.piiwarden.annotations.*;
        @jakarta.persistence.Entity
        public class Resident {
          @PersonalData(category = Category.USER_NAME, purposes = Purpose.ESSENTIAL_SERVICE)
          private String name;
          private Home home;
          private Order lastOrder;
        }
        """);
  }

  private static JavaFileObject parcel() {
    return FlowCompilation.source("com.acme.Parcel", """
        package com.acme;
        import dev.piiwarden.annotations.*;
        public class Parcel {
          @PersonalData(category = Category.USER_NAME, purposes = Purpose.ESSENTIAL_SERVICE)
          private String note;
        }
        """);
  }

  private static JavaFileObject order() {
    return FlowCompilation.source("com.acme.Order", """
        package com.acme;
        public class Order {
          private String ref;
          private Resident buyer;
          private java.util.List<Parcel> parcels;
          private static Resident template;
        }
        """);
  }

  private static final String SHOW = """
      package com.acme;
      public class Show {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Show.class);
        private jakarta.persistence.EntityManager em;
        void text(Order o) { log.info("order " + o); } // log:text
        void whole(Order o) { log.info("order {}", o); } // log:whole
        void resident(Resident r) { log.info("{}", r); } // log:resident
        String json(Order o) throws Exception {
          return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(o); // json
        }
        void save(Order o) { em.persist(o); } // database
      }
      """;

  @Test
  void anObjectHandedWholeCarriesTheAnnotatedObjectsItsFieldsReferTo() {
    JavaFileObject show = FlowCompilation.source("com.acme.Show", SHOW);
    FlowCompilation compiled = FlowCompilation.compile(home(), resident(), parcel(), order(), show);

    assertThat(compiled.compilation).succeeded();
    assertThat(elementsAt(compiled, "text", SinkKind.LOG)).containsExactly(CITY, NOTE, NAME);
    assertThat(elementsAt(compiled, "whole", SinkKind.LOG)).containsExactly(CITY, NOTE, NAME);
    // through Resident#lastOrder back to an order, whose parcels count once
    assertThat(elementsAt(compiled, "resident", SinkKind.LOG)).containsExactly(CITY, NOTE, NAME);
    assertThat(elementsAt(compiled, "json", SinkKind.SERIALIZATION)).containsExactly(CITY, NOTE, NAME);
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data " + CITY + ", " + NOTE + ", " + NAME + " reaches the LOG sink")
        .inFile(show).onLineContaining("// log:whole");
    // saved, the order's parcels (value objects) are stored with it, the buyer (an entity) by its id
    assertThat(elementsAt(compiled, "save", SinkKind.DATABASE)).containsExactly(NOTE);
  }

  private static List<String> elementsAt(FlowCompilation compiled, String method, SinkKind kind) {
    String marker = method.equals("json") || method.equals("save") ? (method.equals("save") ? "database" : "json")
        : "log:" + method;
    String parameter = method.equals("resident") ? "com.acme.Resident" : "com.acme.Order";
    return compiled.activity("com.acme.Show", "com.acme.Show#" + method + "(" + parameter + ")").sinks().stream()
        .filter(s -> s.kind() == kind && s.line() == FlowCompilation.line(SHOW, marker))
        .flatMap(s -> s.elements().stream())
        .toList();
  }
}
