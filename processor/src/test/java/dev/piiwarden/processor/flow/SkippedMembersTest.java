package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.piiwarden.core.inventory.SinkKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A serializer handed an object whole writes what its library is told to: Jackson leaves out
 * {@code @JsonIgnore} and write-only properties, Gson and Java serialization {@code transient}
 * fields. A log writes the object's {@code toString}, so it leaves out nothing.
 */
class SkippedMembersTest {
  private static final String EMAIL = "com.acme.Account#email";
  private static final String HASH = "com.acme.Account#passwordHash";
  private static final String PIN = "com.acme.Account#pin";
  private static final String NOTE = "com.acme.Account#sessionNote";
  private static final String PHONE = "com.acme.Account#phone";
  private static final String BIRTH = "com.acme.Account#birthDate";
  private static final String ALIAS = "com.acme.Account#alias";
  private static final String CITY = "com.acme.Address#city";
  private static final String OLD_CITY = "com.acme.OldAddress#city";

  private static final String ACCOUNT = """
      package com.acme;
      import com.fasterxml.jackson.annotation.JsonIgnore;
      import com.fasterxml.jackson.annotation.JsonProperty;
      import dev.piiwarden.annotations.*;
      public class Account implements java.io.Serializable {
        @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
        private String email;
        @JsonIgnore
        @PersonalData(category = Category.USER_AUTHORIZATION_PASSWORD, purposes = Purpose.ESSENTIAL_SERVICE)
        private String passwordHash;
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        @PersonalData(category = Category.USER_AUTHORIZATION_CREDENTIALS, purposes = Purpose.ESSENTIAL_SERVICE)
        private String pin;
        @PersonalData(category = Category.USER_NAME, purposes = Purpose.ESSENTIAL_SERVICE)
        private transient String sessionNote;
        @JsonIgnore(false)
        @PersonalData(category = Category.USER_CONTACT_PHONE_NUMBER, purposes = Purpose.ESSENTIAL_SERVICE)
        private String phone;
        @PersonalData(category = Category.USER_DEMOGRAPHIC_DATE_OF_BIRTH, purposes = Purpose.ESSENTIAL_SERVICE)
        private String birthDate;
        @JsonIgnore
        @PersonalData(category = Category.USER_ACCOUNT_USERNAME, purposes = Purpose.ESSENTIAL_SERVICE)
        private String alias;
        @JsonProperty("alias")
        public String getAlias() { return alias; }
        private Address home;
        @JsonIgnore
        private OldAddress previous;
        @JsonIgnore
        public String getBirthDate() { return birthDate; }
        public String getEmail() { return email; }
        public String getPasswordHash() { return passwordHash; }
        public void setEmail(String email) { this.email = email; }
        public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
      }
      """;

  private static final String SHOW = """
      package com.acme;
      public class Show {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Show.class);
        void log(Account a) { log.info("{}", a); } // log
        String jackson(Account a) throws Exception {
          return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(a); // jackson
        }
        String gson(Account a) { return new com.google.gson.Gson().toJson(a); } // gson
        void java(Account a, java.io.ObjectOutputStream out) throws java.io.IOException {
          out.writeObject(a); // java
        }
        String made(Account from) throws Exception {
          Account a = new Account();
          a.setEmail(from.getEmail());
          a.setPasswordHash(from.getPasswordHash());
          return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(a); // made
        }
      }
      """;

  private static final String CONTROLLER = """
      package com.acme;
      @org.springframework.web.bind.annotation.RestController
      public class AccountController {
        @org.springframework.web.bind.annotation.GetMapping
        public Account get(String id) {
          return new Account(); // response
        }
      }
      """;

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    List<JavaFileObject> sources = new ArrayList<>(stubs());
    sources.add(FlowCompilation.source("com.acme.Account", ACCOUNT));
    sources.add(address("Address"));
    sources.add(address("OldAddress"));
    sources.add(FlowCompilation.source("com.acme.Show", SHOW));
    sources.add(FlowCompilation.source("com.acme.AccountController", CONTROLLER));
    compiled = FlowCompilation.compile(sources.toArray(JavaFileObject[]::new));
  }

  @Test
  void aLogWritesEveryMember() {
    assertThat(compiled.compilation).succeeded();
    assertThat(elements("com.acme.Show", "com.acme.Show#log(com.acme.Account)", SHOW, "log", SinkKind.LOG))
        .containsExactly(EMAIL, HASH, PIN, NOTE, PHONE, BIRTH, ALIAS, CITY, OLD_CITY);
  }

  @Test
  void jacksonLeavesOutIgnoredAndWriteOnlyPropertiesOnTheFieldOrTheGetterUnlessAnotherAccessorNamesIt() {
    assertThat(elements("com.acme.Show", "com.acme.Show#jackson(com.acme.Account)", SHOW, "jackson",
        SinkKind.SERIALIZATION)).containsExactly(EMAIL, NOTE, PHONE, ALIAS, CITY);
    // an object the method made itself: the same members
    assertThat(elements("com.acme.Show", "com.acme.Show#made(com.acme.Account)", SHOW, "made",
        SinkKind.SERIALIZATION)).containsExactly(EMAIL);
  }

  @Test
  void gsonAndJavaSerializationLeaveOutTransientFields() {
    assertThat(elements("com.acme.Show", "com.acme.Show#gson(com.acme.Account)", SHOW, "gson",
        SinkKind.SERIALIZATION)).containsExactly(EMAIL, HASH, PIN, PHONE, BIRTH, ALIAS, CITY, OLD_CITY);
    assertThat(elements("com.acme.Show", "com.acme.Show#java(com.acme.Account,java.io.ObjectOutputStream)", SHOW,
        "java", SinkKind.SERIALIZATION)).containsExactly(EMAIL, HASH, PIN, PHONE, BIRTH, ALIAS, CITY, OLD_CITY);
  }

  @Test
  void aSpringResponseBodyIsWrittenByJackson() {
    assertThat(elements("com.acme.AccountController", "com.acme.AccountController#get(java.lang.String)",
        CONTROLLER, "response", SinkKind.HTTP)).containsExactly(EMAIL, NOTE, PHONE, ALIAS, CITY);
  }

  @Test
  void aSkipsRuleThatIsNoneIsAnErrorNamingTheEntry(@TempDir Path dir) throws IOException {
    Path sinks = Files.writeString(dir.resolve("sinks.json"), "{\"sinks\":[{\"kind\":\"SERIALIZATION\","
        + "\"type\":\"com.acme.Show\",\"methods\":[\"log\"],\"skips\":[\"JsonIgnore\"]}]}");
    FlowCompilation failed = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + sinks),
        FlowFixtures.person(), FlowFixtures.user());
    assertThat(failed.compilation).hadErrorCount(1);
    assertThat(failed.compilation).hadErrorContaining("sinks.json, sinks[0]: \"skips\": \"JsonIgnore\" is neither"
        + " \"transient\" nor an annotation's canonical name after \"@\"");
  }

  private static List<String> elements(String type, String method, String source, String marker, SinkKind kind) {
    return compiled.activity(type, method).sinks().stream()
        .filter(sink -> sink.kind() == kind && sink.line() == FlowCompilation.line(source, marker))
        .flatMap(sink -> sink.elements().stream())
        .toList();
  }

  private static JavaFileObject address(String name) {
    return FlowCompilation.source("com.acme." + name, """
        package com.acme;
        import dev.piiwarden.annotations.*;
        public class %s implements java.io.Serializable {
          @PersonalData(category = Category.USER_CONTACT_ADDRESS_CITY, purposes = Purpose.ESSENTIAL_SERVICE)
          private String city;
        }
        """.formatted(name));
  }

  private static List<JavaFileObject> stubs() {
    List<JavaFileObject> stubs = new ArrayList<>(ResponseSinksTest.webStubs());
    stubs.addAll(List.of(
        FlowCompilation.source("com.fasterxml.jackson.annotation.JsonIgnore", """
            package com.fasterxml.jackson.annotation;
            import java.lang.annotation.*;
            @Target({ElementType.FIELD, ElementType.METHOD}) @Retention(RetentionPolicy.RUNTIME)
            public @interface JsonIgnore { boolean value() default true; }
            """),
        FlowCompilation.source("com.fasterxml.jackson.annotation.JsonProperty", """
            package com.fasterxml.jackson.annotation;
            import java.lang.annotation.*;
            @Target({ElementType.FIELD, ElementType.METHOD}) @Retention(RetentionPolicy.RUNTIME)
            public @interface JsonProperty {
              String value() default "";
              Access access() default Access.AUTO;
              enum Access { AUTO, READ_ONLY, WRITE_ONLY, READ_WRITE }
            }
            """)));
    return stubs;
  }
}
