package dev.piiwarden.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Every activity whose data subject its parameters give carries {@code subjectFrom}, so the agent's
 * access events name the subject; only a consent-gated one falls back to {@code CONTEXT} and PW014.
 */
class SubjectFromTest {
  private static final JavaFileObject CUSTOMER = JavaFileObjects.forSourceString("com.acme.Customer", """
      package com.acme;
      import dev.piiwarden.annotations.*;
      public record Customer(
          @DataSubject String id,
          @PersonalData(category = Category.USER_CONTACT_EMAIL) String email) {}
      """);
  private static final JavaFileObject ACCOUNTS = JavaFileObjects.forSourceString("com.acme.Accounts", """
      package com.acme;
      import dev.piiwarden.annotations.*;
      public class Accounts {
        @ProcessingActivity(name = "Store customer", purposes = Purpose.ESSENTIAL_SERVICE)
        public int store(Customer customer) {
          return customer.email().length();
        }

        @ProcessingActivity(name = "Lookup", purposes = Purpose.ESSENTIAL_SERVICE)
        public int lookup(int limit, @DataSubject String id, Customer customer) {
          return limit;
        }

        @ProcessingActivity(name = "Statistics", purposes = Purpose.ESSENTIAL_SERVICE)
        public int count(int limit) {
          return limit;
        }

        public String mask(int width, Customer customer) {
          return customer.email().substring(0, width);
        }

        @ConsentRequired(Purpose.MARKETING_COMMUNICATIONS_EMAIL)
        public void mailAll() {}
      }
      """);

  @Test
  void aProcessingActivityTakesItsSubjectFromADataSubjectParameterBeforeAMember() throws IOException {
    Map<String, Activity> activities = compileAccounts();
    assertThat(activities.get("com.acme.Accounts#lookup(int,java.lang.String,com.acme.Customer)").subjectFrom())
        .isEqualTo("PARAMETER 1");
  }

  @Test
  void aProcessingActivityTakesItsSubjectFromTheDataSubjectMemberOfARecordParameter() throws IOException {
    Map<String, Activity> activities = compileAccounts();
    assertThat(activities.get("com.acme.Accounts#store(com.acme.Customer)").subjectFrom())
        .isEqualTo("PARAMETER 0 FIELD id");
  }

  @Test
  void aMethodThatOnlyReadsPersonalDataGetsItsSubjectToo() throws IOException {
    Map<String, Activity> activities = compileAccounts();
    Activity mask = activities.get("com.acme.Accounts#mask(int,com.acme.Customer)");
    assertThat(mask.reads()).containsExactly("com.acme.Customer#email");
    assertThat(mask.subjectFrom()).isEqualTo("PARAMETER 1 FIELD id");
  }

  @Test
  void anActivityWithoutConsentWhoseParametersGiveNoSubjectHasNoneAndNoNote() throws IOException {
    Compilation compilation = compile();
    Map<String, Activity> activities = activities(compilation);
    assertThat(activities.get("com.acme.Accounts#count(int)").subjectFrom()).isNull();
    assertThat(compilation).hadNoteContaining("PW014: The data subject of Accounts.mailAll() cannot be resolved");
    assertThat(compilation.notes().stream().filter(note -> note.getMessage(null).contains("PW014")).count())
        .isEqualTo(1);
    assertThat(activities.get("com.acme.Accounts#mailAll()").subjectFrom()).isEqualTo("CONTEXT");
  }

  private static Map<String, Activity> compileAccounts() throws IOException {
    return activities(compile());
  }

  private static Compilation compile() {
    Compilation compilation = javac().withProcessors(new PiiWardenProcessor()).compile(CUSTOMER, ACCOUNTS);
    assertThat(compilation).succeeded();
    return compilation;
  }

  private static Map<String, Activity> activities(Compilation compilation) throws IOException {
    String path = "META-INF/piiwarden/types/com.acme.Accounts.json";
    try (InputStream in = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path).orElseThrow()
        .openInputStream()) {
      Inventory fragment = InventoryJson.read(in.readAllBytes(), path);
      List<Activity> all = fragment.activities();
      return all.stream().collect(Collectors.toMap(Activity::id, Function.identity()));
    }
  }
}
