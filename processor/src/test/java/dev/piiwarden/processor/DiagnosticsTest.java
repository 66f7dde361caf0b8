package dev.piiwarden.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Given this source, this diagnostic on this line. */
class DiagnosticsTest {
  private static JavaFileObject source(String name, String text) {
    return JavaFileObjects.forSourceString(name,
        "package com.acme;\n"
            + "import dev.piiwarden.annotations.*;\n"
            + "import java.util.*;\n"
            + text);
  }

  private static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new PiiWardenProcessor()).compile(sources);
  }

  @Test
  void unknownCategoryIsAnErrorWithTheClosestKey() {
    JavaFileObject user = source("com.acme.User", """
        class User {
          @PersonalData(category = "user.contact.emial")
          String email;
        }
        """);
    Compilation compilation = compile(user);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("PW001: Unknown data category \"user.contact.emial\". Did you mean \"user.contact.email\"?")
        .inFile(user).onLineContaining("user.contact.emial");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void unknownPurposeInEachAnnotationIsReportedOnItsValue() {
    JavaFileObject mailer = source("com.acme.Mailer", """
        class Mailer {
          @PersonalData(category = "user.contact.email",
              purposes = {"essential.service", "marketing.comunications"})
          String email;

          @ConsentRequired("marketing.advertisng")
          void send() {}

          @ProcessingActivity(name = "Fraud", purposes = "essential.fraud_detectio")
          void screen() {}
        }
        """);
    Compilation compilation = compile(mailer);
    assertThat(compilation)
        .hadErrorContaining("PW002: Unknown purpose \"marketing.comunications\" in @PersonalData."
            + " Did you mean \"marketing.communications\"?")
        .inFile(mailer).onLineContaining("marketing.comunications");
    assertThat(compilation)
        .hadErrorContaining("PW002: Unknown purpose \"marketing.advertisng\" in @ConsentRequired."
            + " Did you mean \"marketing.advertising\"?")
        .inFile(mailer).onLineContaining("marketing.advertisng");
    assertThat(compilation)
        .hadErrorContaining("PW002: Unknown purpose \"essential.fraud_detectio\" in @ProcessingActivity."
            + " Did you mean \"essential.fraud_detection\"?")
        .inFile(mailer).onLineContaining("fraud_detectio");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void unknownSubjectIsAnError() {
    JavaFileObject user = source("com.acme.User", """
        class User {
          @PersonalData(category = "user.name", subject = "costumer")
          String name;
        }
        """);
    Compilation compilation = compile(user);
    assertThat(compilation)
        .hadErrorContaining("PW003: Unknown data subject \"costumer\". Did you mean \"customer\"?")
        .inFile(user).onLineContaining("costumer");
  }

  /**
   * A constant holding personal data where a key belongs: the diagnostic shows the value masked,
   * as core's redaction engine does, says what it looks like and suggests no key for it.
   */
  @Test
  void aValueShapedLikePersonalDataIsShownMaskedWithoutASuggestion() {
    JavaFileObject holder = source("com.acme.Holder", """
        class Holder {
          static final String CONTACT = "jane.doe@example.com";
          static final String PHONE = "+44 20 7946 0958";
          @PersonalData(category = CONTACT)
          String contact;
          @PersonalData(category = "user.name", purposes = PHONE, subject = CONTACT, retention = CONTACT)
          String name;
          @ConsentRequired(CONTACT)
          void send() {}
        }
        """);
    Compilation compilation = compile(holder);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("PW001: Unknown data category \"[REDACTED:email]\". The value looks like an e-mail"
            + " address, not a data category key: name the kind of data with a key, never the data itself."
            + " Use a constant of dev.piiwarden.annotations.Category")
        .inFile(holder).onLineContaining("category = CONTACT");
    assertThat(compilation)
        .hadErrorContaining("PW002: Unknown purpose \"[REDACTED:phone]\" in @PersonalData. The value looks"
            + " like a phone number, not a purpose key")
        .inFile(holder).onLineContaining("purposes = PHONE");
    assertThat(compilation)
        .hadErrorContaining("PW003: Unknown data subject \"[REDACTED:email]\". The value looks like an e-mail"
            + " address, not a data subject key")
        .inFile(holder).onLineContaining("subject = CONTACT");
    assertThat(compilation)
        .hadErrorContaining("PW005: Retention \"[REDACTED:email]\" is not an ISO-8601 period or duration.")
        .inFile(holder).onLineContaining("retention = CONTACT");
    assertThat(compilation)
        .hadErrorContaining("PW002: Unknown purpose \"[REDACTED:email]\" in @ConsentRequired. The value looks"
            + " like an e-mail address, not a purpose key")
        .inFile(holder).onLineContaining("@ConsentRequired(CONTACT)");
    assertThat(compilation).hadErrorCount(5);
    for (var diagnostic : compilation.diagnostics()) {
      String message = diagnostic.getMessage(null);
      assertThat(message).doesNotContain("jane.doe");
      assertThat(message).doesNotContain("7946");
      assertThat(message).doesNotContain("Did you mean");
    }
  }

  @Test
  void personalDataOnAMethodThatIsNotAnAccessor() {
    JavaFileObject user = source("com.acme.User", """
        class User {
          @PersonalData(category = "user.contact.email")
          void setEmail(String email) {}

          @PersonalData(category = "user.name")
          void clear() {}
        }
        """);
    Compilation compilation = compile(user);
    assertThat(compilation)
        .hadErrorContaining("PW004: @PersonalData on method setEmail(java.lang.String), which is not an accessor (it takes parameters)")
        .inFile(user).onLineContaining("@PersonalData(category = \"user.contact.email\")");
    assertThat(compilation)
        .hadErrorContaining("PW004: @PersonalData on method clear(), which is not an accessor (it returns void)")
        .inFile(user).onLineContaining("@PersonalData(category = \"user.name\")");
  }

  @Test
  void retentionMustBeIso8601ButPeriodsAndDurationsAreAccepted() {
    JavaFileObject user = source("com.acme.User", """
        class User {
          @PersonalData(category = "user.contact.email", retention = "30 days")
          String email;
          @PersonalData(category = "user.name", retention = "P2Y")
          String name;
          @PersonalData(category = "user.contact.phone_number", retention = "P2W")
          String phone;
          @PersonalData(category = "user.device.ip_address", retention = "PT12H")
          String ip;
          @PersonalData(category = "user.unique_id", retention = "-P1D")
          String id;
          @PersonalData(category = "user.device.cookie_id", retention = "P1Y2M10DT2H30M")
          String cookie;
        }
        """);
    Compilation compilation = compile(user);
    assertThat(compilation)
        .hadErrorContaining("PW005: Retention \"30 days\" is not an ISO-8601 period or duration")
        .inFile(user).onLineContaining("30 days");
    assertThat(compilation)
        .hadErrorContaining("PW005: Retention \"-P1D\" is not longer than nothing")
        .inFile(user).onLineContaining("-P1D");
    assertThat(compilation)
        .hadErrorContaining("PW005: Retention \"P1Y2M10DT2H30M\" is a period and a duration in one")
        .inFile(user).onLineContaining("P1Y2M10DT2H30M");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void specialCategoryNeedsAnExplicitBasis() {
    JavaFileObject patient = source("com.acme.Patient", """
        class Patient {
          @PersonalData(category = "user.health_and_medical")
          String diagnosis;
          @PersonalData(category = "user.health_and_medical", basis = LawfulBasis.CONSENT)
          String allergies;
        }
        """);
    Compilation compilation = compile(patient);
    assertThat(compilation)
        .hadErrorContaining("PW006: Category \"user.health_and_medical\" is a special category")
        .inFile(patient).onLineContaining("@PersonalData(category = \"user.health_and_medical\")");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void consentRequiredWithoutPurposes() {
    JavaFileObject newsletter = source("com.acme.Newsletter", """
        class Newsletter {
          @ConsentRequired({})
          public void send(@DataSubject String userId) {}
        }
        """);
    Compilation compilation = compile(newsletter);
    assertThat(compilation)
        .hadErrorContaining("PW007: @ConsentRequired names no purposes")
        .inFile(newsletter).onLineContaining("@ConsentRequired({})");
  }

  @Test
  void consentRequiredWithoutPurposesIsOnlyPw007NotAlsoASubjectNote() {
    JavaFileObject newsletter = source("com.acme.Newsletter", """
        class Newsletter {
          @ConsentRequired({})
          public void send(String text) {}
        }
        """);
    Compilation compilation = compile(newsletter);
    assertThat(compilation).hadErrorContaining("PW007");
    assertThat(compilation.notes().stream().map(note -> note.getMessage(null))
        .filter(message -> message.contains("PW014")).toList()).isEmpty();
  }

  @Test
  void dataSubjectOnAnUnsupportedTypeIsAWarning() {
    JavaFileObject account = source("com.acme.Account", """
        class Account {
          @DataSubject List<String> ids;
          @DataSubject UUID id;
          @DataSubject long number;
          @DataSubject StringBuilder handle;
          @DataSubject Object owner() { return null; }
          @DataSubject String lookup(int index) { return null; }
          @DataSubject String name() { return null; }
          void use(@DataSubject Boolean flag) {}
        }
        """);
    Compilation compilation = compile(account);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("PW008: @DataSubject on field ids of type java.util.List<java.lang.String>")
        .inFile(account).onLineContaining("ids;");
    assertThat(compilation)
        .hadWarningContaining("PW008: @DataSubject on method owner() of type java.lang.Object")
        .inFile(account).onLineContaining("owner()");
    assertThat(compilation)
        .hadWarningContaining("PW008: @DataSubject on method lookup(…) of type java.lang.String")
        .inFile(account).onLineContaining("lookup(int index)");
    assertThat(compilation)
        .hadWarningContaining("PW008: @DataSubject on parameter flag of type java.lang.Boolean")
        .inFile(account).onLineContaining("Boolean flag");
    assertThat(compilation).hadWarningCount(4);
  }

  /**
   * The Spring Data / JPA pattern: a generic base entity's {@code @DataSubject ID id} is an id of
   * the subclass that binds {@code ID} to String, so a consent-gated method taking the subclass
   * resolves its subject from that field; only a type variable no id type meets gets PW008.
   */
  @Test
  void aGenericBaseEntitysIdIsASubjectOfItsSubclasses() throws java.io.IOException {
    JavaFileObject base = source("com.acme.BaseEntity", """
        public abstract class BaseEntity<ID> {
          @DataSubject protected ID id;
        }
        """);
    JavaFileObject customer = source("com.acme.Customer", """
        public class Customer extends BaseEntity<String> {
        }
        """);
    JavaFileObject listed = source("com.acme.Listed", """
        public abstract class Listed<L extends List<String>> {
          @DataSubject protected L ids;
        }
        """);
    JavaFileObject notifier = source("com.acme.Notifier", """
        public class Notifier {
          @ConsentRequired("marketing.communications.email")
          public void newsletter(Customer customer) {}
        }
        """);
    Compilation compilation = compile(base, customer, listed, notifier);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("PW008: @DataSubject on field ids of type L")
        .inFile(listed).onLineContaining("L ids;");
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation.notes().toString()).doesNotContain("PW014");
    String fragment = compilation
        .generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "META-INF/piiwarden/types/com.acme.Notifier.json")
        .orElseThrow().getCharContent(true).toString();
    assertThat(fragment).contains("\"subjectFrom\" : \"PARAMETER 0 FIELD id\"");
  }

  @Test
  void consentGatedMethodWithoutASubjectParameterGetsANote() {
    JavaFileObject newsletter = source("com.acme.Newsletter", """
        class Newsletter {
          @ConsentRequired("marketing.communications.email")
          public void sendAll() {}
        }
        """);
    Compilation compilation = compile(newsletter);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadNoteContaining("PW014: The data subject of Newsletter.sendAll() cannot be resolved")
        .inFile(newsletter).onLineContaining("@ConsentRequired");
  }

  @Test
  void aRecordComponentIsCheckedOnce() {
    JavaFileObject contact = source("com.acme.Contact", """
        record Contact(@PersonalData(category = "user.contact.emial") String email) {}
        """);
    Compilation compilation = compile(contact);
    assertThat(compilation)
        .hadErrorContaining("PW001").inFile(contact).onLineContaining("record Contact");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void afterAnErrorANoteSaysNothingWasWritten() {
    JavaFileObject good = source("com.acme.Good", """
        class Good {
          @PersonalData(category = "user.contact.email")
          String email;
        }
        """);
    JavaFileObject bad = source("com.acme.Bad", """
        class Bad {
          @PersonalData(category = "user.nope")
          String email;
        }
        """);
    Compilation compilation = compile(good, bad);
    assertThat(compilation).hadErrorContaining("PW001");
    assertThat(compilation).hadNoteContaining(
        "PW012: PII Warden wrote no inventory fragments or descriptors because of the errors above");
  }

  /**
   * A misspelt constant is javac's own error ("cannot find symbol"), not an internal failure of the
   * processor; the annotations beside it are still checked. (A misspelt enum constant, {@code basis =
   * LawfulBasis.CONSNT}, is an error javac stops at before running any processor.)
   */
  @Test
  void aMisspeltConstantIsLeftToJavacAndTheRestIsStillChecked() {
    JavaFileObject lead = source("com.acme.Lead", """
        class Lead {
          @PersonalData(category = Category.USER_EMAIL, purposes = Purpose.MARKETING)
          String email;
          @PersonalData(category = "user.contact.phone_numbr")
          String phone;
          record Card(@PersonalData(category = Category.CARD_NUMBR) String pan) {}
        }
        """);
    JavaFileObject good = source("com.acme.Good", """
        class Good {
          @PersonalData(category = Category.USER_CONTACT_EMAIL)
          String email;
        }
        """);
    Compilation compilation = compile(lead, good);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(lead).onLineContaining("USER_EMAIL");
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(lead).onLineContaining("CARD_NUMBR");
    assertThat(compilation)
        .hadErrorContaining("PW001: Unknown data category \"user.contact.phone_numbr\".")
        .inFile(lead).onLineContaining("phone_numbr");
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation.diagnostics().toString()).doesNotContain("PW011");
    assertThat(compilation.diagnostics().toString()).doesNotContain("AnnotationTypeMismatchException");
  }

  @Test
  void aMisspeltPurposeInConsentRequiredIsJavacsErrorAlone() {
    JavaFileObject mailing = source("com.acme.Mailing", """
        interface Mailing {
          @ConsentRequired(Purpose.MARKETING_EMAIL)
          void send(@DataSubject String userId);
        }
        """);
    JavaFileObject mailer = source("com.acme.Mailer", """
        class Mailer implements Mailing {
          @ProcessingActivity(name = "Mailer", purposes = {Purpose.MARKETING, Purpose.MARKETING_SMS})
          public void send(String userId) {}
        }
        """);
    Compilation compilation = compile(mailing, mailer);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol").inFile(mailing).onLineContaining("MARKETING_EMAIL");
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol").inFile(mailer).onLineContaining("MARKETING_SMS");
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation.diagnostics().toString()).doesNotContain("PW0");
  }

  @Test
  void personalDataInALocalOrAnonymousClassIsAWarningOnItsAnnotation() {
    JavaFileObject signup = source("com.acme.Signup", """
        class Signup {
          Object form() {
            return new Object() {
              @PersonalData(category = "user.contact.email")
              String email;
            };
          }

          void draft() {
            class Draft {
              @PersonalData(category = "user.name")
              String name() { return null; }
            }
          }
        }
        """);
    Compilation compilation = compile(signup);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("PW024: @PersonalData on email, a member of a local or anonymous class, is left"
            + " out of the inventory")
        .inFile(signup).onLineContaining("@PersonalData(category = \"user.contact.email\")");
    assertThat(compilation)
        .hadWarningContaining("PW024: @PersonalData on name(), a member of a local or anonymous class")
        .inFile(signup).onLineContaining("@PersonalData(category = \"user.name\")");
    assertThat(compilation).hadWarningCount(2);
  }
}
