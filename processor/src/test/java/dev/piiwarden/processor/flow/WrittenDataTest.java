package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowFixtures.DIAGNOSIS;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Personal data an activity collects without reading it: the values it builds a record from, hands
 * to a setter or assigns to a data element. The record of processing lists them as the activity's.
 */
class WrittenDataTest {
  private static final String CLINIC = "com.acme.Clinic";

  static final String SOURCE = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      public class Clinic {
        private static final String NONE = "none";
        @ProcessingActivity(name = "Admission", purposes = Purpose.ESSENTIAL_SERVICE)
        Patient admit(String finding, User user) {
          user.getEmail();
          return new Patient(finding, "A");
        }
        @ProcessingActivity(name = "Placeholder", purposes = Purpose.ESSENTIAL_SERVICE)
        Patient placeholder(User user) {
          user.getEmail();
          return new Patient(NONE, "A");
        }
        @ProcessingActivity(name = "Contact change", purposes = Purpose.ESSENTIAL_SERVICE)
        void contact(Account account, String address) {
          account.setEmail(address);
          account.note = address.trim();
        }
        @ProcessingActivity(name = "Opening", purposes = Purpose.ESSENTIAL_SERVICE)
        Account open(String address, String label) {
          return new Account(address, "none", label);
        }
        @ProcessingActivity(name = "Contact reset", purposes = Purpose.ESSENTIAL_SERVICE)
        void reset(Account account) {
          account.setEmail(null);
          account.note = "reset";
        }
      }
      class Account {
        @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
        private String email;
        @PersonalData(category = Category.USER_NAME, purposes = Purpose.ESSENTIAL_SERVICE)
        String note;
        String label;
        Account() {}
        Account(String email, String note, String label) {
          this.email = email;
          this.note = note;
          this.label = label;
        }
        void setEmail(String email) { this.email = email; }
      }
      """;

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(), FlowFixtures.patient(),
        FlowCompilation.source(CLINIC, SOURCE));
  }

  @Test
  void compiles() {
    assertThat(compiled.compilation).succeeded();
  }

  @Test
  void aRecordBuiltFromAValueWritesItsComponent() {
    assertThat(compiled.activity(CLINIC, CLINIC + "#admit(java.lang.String,com.acme.User)").writes())
        .containsExactly(DIAGNOSIS);
    assertThat(compiled.activity(CLINIC, CLINIC + "#admit(java.lang.String,com.acme.User)").reads())
        .containsExactly(EMAIL);
  }

  @Test
  void aClassBuiltFromAValueWritesTheElementsItsConstructorStoresItIn() {
    // the note is given a constant, the label is no data element
    assertThat(compiled.activity(CLINIC, CLINIC + "#open(java.lang.String,java.lang.String)").writes())
        .containsExactly("com.acme.Account#email");
  }

  @Test
  void aConstantWritesNothing() {
    assertThat(compiled.activity(CLINIC, CLINIC + "#placeholder(com.acme.User)").writes()).isEmpty();
    assertThat(compiled.activity(CLINIC, CLINIC + "#reset(com.acme.Account)").writes()).isEmpty();
  }

  @Test
  void aSetterOrAnAssignmentWritesItsField() {
    assertThat(compiled.activity(CLINIC, CLINIC + "#contact(com.acme.Account,java.lang.String)").writes())
        .containsExactly("com.acme.Account#email", "com.acme.Account#note");
  }
}
