package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowCompilation.sinkAt;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An object this method makes with {@code new} and saves whole, the way an entity is created and
 * persisted: it carries the personal data members written on it here, not every member its type
 * has. Handed to another method first, it counts by its type again.
 */
class FreshObjectsTest {
  private static final String EMAIL = "com.acme.Account#email";
  private static final String PHONE = "com.acme.Account#phone";
  private static final String PERSIST = "jakarta.persistence.EntityManager#persist";

  static final String ACCOUNTS = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      @ProcessingActivity(name = "Accounts", purposes = Purpose.ESSENTIAL_SERVICE)
      public class Accounts {
        jakarta.persistence.EntityManager em;
        public void create(String id, String email) {
          Account account = new Account();
          account.setId(id);
          account.setEmail(email);
          em.persist(account); // sink:set
        }
        public void withPhone(String phone) {
          Account account = new Account();
          account.phone = phone;
          em.persist(account); // sink:phone
        }
        public void remember(Account account, User user) {
          account.getExtras().add(user.getEmail());
        }
        public void plain(String id) {
          Account account = new Account();
          account.setId(id);
          em.persist(account); // sink:plain
        }
        public void noted(User user) {
          Account account = new Account();
          account.setNote(user.getEmail());
          em.persist(account); // sink:noted
        }
        public void filled(Object form) {
          Account account = new Account();
          fill(account, form);
          em.persist(account); // sink:filled
        }
        void fill(Account account, Object form) {}
      }
      """;

  private static final JavaFileObject SOURCE = FlowCompilation.source("com.acme.Accounts", ACCOUNTS);
  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(FlowCompilation.source("com.acme.Account", """
        package com.acme;
        import dev.piiwarden.annotations.*;
        public class Account {
          private String id;
          @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
          private String email;
          @PersonalData(category = Category.USER_CONTACT_PHONE_NUMBER, purposes = Purpose.MARKETING,
              basis = LawfulBasis.CONSENT)
          String phone;
          private String note;
          private final java.util.List<Object> extras = new java.util.ArrayList<>();
          public void setId(String id) { this.id = id; }
          public void setNote(String note) { this.note = note; }
          public java.util.List<Object> getExtras() { return extras; }
          public void setEmail(String email) { this.email = email; }
        }
        """), FlowFixtures.person(), FlowFixtures.user(), SOURCE);
  }

  private static List<?> sinks(String method) {
    return compiled.activity("com.acme.Accounts", "com.acme.Accounts#" + method).sinks();
  }

  @Test
  void aNewObjectSavedWholeCarriesTheMembersWrittenOnIt() {
    assertThat(compiled.compilation).succeeded();
    assertThat(sinks("create(java.lang.String,java.lang.String)")).containsExactly(
        sinkAt(ACCOUNTS, "sink:set", SinkKind.DATABASE, PERSIST, Confidence.DIRECT, EMAIL));
    assertThat(sinks("withPhone(java.lang.String)")).containsExactly(
        sinkAt(ACCOUNTS, "sink:phone", SinkKind.DATABASE, PERSIST, Confidence.DIRECT, PHONE));
  }

  /** The consent-based phone number is never set in create: no consent warning there; withPhone sets it. */
  @Test
  void consentIsAskedForOnlyWhereTheConsentBasedMemberIsWritten() {
    List<Long> consentLines = compiled.compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getMessage(null).startsWith("PW017"))
        .map(Diagnostic::getLineNumber).toList();
    assertThat(consentLines).containsExactly((long) FlowCompilation.line(ACCOUNTS, "sink:phone"),
        (long) FlowCompilation.line(ACCOUNTS, "sink:filled"));
  }

  @Test
  void aNewObjectHandedToAnotherMethodFirstCountsByItsType() {
    assertThat(sinks("filled(java.lang.Object)")).containsExactly(
        sinkAt(ACCOUNTS, "sink:filled", SinkKind.DATABASE, PERSIST, Confidence.DIRECT, EMAIL, PHONE));
  }

  /**
   * Fields that hold values count for a new object only where they were written on it here: what
   * another method added to some account's extras does not reach the new account's save.
   */
  @Test
  void aNewObjectCarriesOnlyTheValueFieldsWrittenOnIt() {
    List<String> ends = compiled.merged().flows().stream()
        .map(flow -> flow.element() + " " + flow.path().get(flow.path().size() - 1)).toList();
    assertThat(ends).doesNotContain("com.acme.User#email com.acme.Accounts#plain(java.lang.String)");
    assertThat(ends).contains("com.acme.User#email com.acme.Accounts#noted(com.acme.User)");
  }
}
