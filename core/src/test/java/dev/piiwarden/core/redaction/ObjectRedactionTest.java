package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.api.PersonalDataDescriptor;
import dev.piiwarden.api.PersonalDataDescriptors;
import dev.piiwarden.api.PersonalDataExport;
import dev.piiwarden.api.PersonalDataMember;
import dev.piiwarden.core.redaction.fixture.Account;
import dev.piiwarden.core.redaction.fixture.Customer;
import dev.piiwarden.core.redaction.fixture.Member;
import dev.piiwarden.core.redaction.fixture.Shipment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObjectRedactionTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private final Redactor redactor = Redactor.create(RedactionSettings.builder().hashKey(KEY).build());
  private final ObjectRedaction objects = new ObjectRedaction(redactor);
  private final Customer ada =
      new Customer(7, "ada@example.com", "+44 20 7946 0958", "4111111111111111", "hunter2");

  @Test
  void annotatedFieldsWithoutDescriptorAreReadByReflectionWhateverToStringDoes() {
    String phoneToken = redactor.hashToken("user.contact.phone_number", "+44 20 7946 0958");
    assertEquals("Customer{email=[REDACTED:user.contact.email], phone=" + phoneToken
        + ", card=************1111}", objects.render(ada));
    assertTrue(phoneToken.matches("\\[user\\.contact\\.phone_number:[0-9a-f]{16}]"), phoneToken);
    assertEquals(4, redactor.counts().count(Redactor.ANNOTATED));
  }

  @Test
  void theSubjectIdComesFirstAsItIsAndOtherUnannotatedMembersStayOut() {
    assertEquals("Member{id=m-1042, email=[REDACTED:user.contact.email]}",
        objects.render(new Member("m-1042", "ada@example.com", "basic")));
    assertEquals("Premium{id=m-7, email=[REDACTED:user.contact.email], name=[REDACTED:user.name]}",
        objects.render(new Member.Premium("m-7", "bob@example.com", "Bob")));
    assertEquals("Member{id=null, email=null}", objects.render(new Member(null, null, "basic")));
    // an id that is itself personal data is never shown as it is
    assertEquals("ByEmail{email=[REDACTED:user.contact.email]}",
        objects.render(new Member.ByEmail("ada@example.com")));
    assertEquals("Member{id=[REDACTED:email], email=[REDACTED:user.contact.email]}",
        objects.render(new Member("ada@example.com", "ada@example.com", "basic")));
  }

  @Test
  void shortPartialValuesAndNullsRevealNothingMore() {
    Customer sparse = new Customer(8, null, "+1", "4242", null);
    String phoneToken = redactor.hashToken("user.contact.phone_number", "+1");
    assertEquals("Customer{email=null, phone=" + phoneToken + ", card=****}", objects.render(sparse));
  }

  @Test
  void generatedDescriptorsAreUsedWhenPresent() {
    assertEquals("Account{iban=******************3000, holder=[REDACTED:user.name]}",
        objects.render(new Account("DE89370400440532013000", "Ada Lovelace")));
  }

  @Test
  void theApplicationTypesLookedUpByNameAreTheRealOnes() {
    assertEquals(PersonalData.class.getName(), ApplicationApiNames.PERSONAL_DATA);
    assertEquals(dev.piiwarden.annotations.DataSubject.class.getName(), ApplicationApiNames.DATA_SUBJECT);
    assertEquals(PersonalDataDescriptor.class.getName(), ApplicationApiNames.DESCRIPTOR);
    assertEquals(PersonalDataDescriptors.descriptorName("com.acme.Outer$Inner"),
        ApplicationApiNames.descriptorOf("com.acme.Outer$Inner"));
  }

  @Test
  void recordsShowEveryComponentAnnotatedOnesRedacted() {
    Shipment shipment = new Shipment("12 Rose Lane", "call +14155552671 first", List.of(ada));
    assertEquals("Shipment{address=[REDACTED:user.contact.address], note=call [REDACTED:phone] first,"
        + " recipients=[" + objects.render(ada) + "]}", objects.render(shipment));
  }

  @Test
  void containersAreRenderedElementByElement() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("owner", ada);
    map.put("contact bob@example.com", Optional.of(new Object[] {"10.0.0.1", 42, Optional.empty()}));
    String out = objects.render(List.of(map, new int[] {1, 2}));
    assertEquals("[{owner=" + objects.render(ada) + ", contact [REDACTED:email]=Optional[[[REDACTED:ip],"
        + " 42, Optional.empty]]}, [1, 2]]", out);
    assertFalse(out.contains("ada@example.com"));
  }

  @Test
  void cyclesAndDepthAreBounded() {
    List<Object> cycle = new ArrayList<>();
    cycle.add("a");
    cycle.add(cycle);
    assertEquals("[a, <cycle>]", objects.render(cycle));
    Object deep = "bottom";
    for (int i = 0; i < ObjectRedaction.MAX_DEPTH + 2; i++) {
      deep = List.of(deep);
    }
    assertTrue(objects.render(deep).contains("..."), objects.render(deep));
    assertFalse(objects.render(deep).contains("bottom"));
  }

  @Test
  void plainObjectsGoThroughTheTextRedactor() {
    assertEquals("token [REDACTED:ip]", objects.render(new Object() {
      @Override
      public String toString() {
        return "token 192.168.0.1";
      }
    }));
    assertEquals("null", objects.render(null));
  }

  @Test
  void aToStringThatThrowsFailsClosedAndIsCounted() {
    Object broken = new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("ada@example.com");
      }
    };
    assertEquals("[ok, [REDACTION_FAILED]]", objects.render(List.of("ok", broken)));
    assertEquals(1, redactor.counts().failures());
  }

  /** An annotated accessor that fails, with the value in its exception's message. */
  static final class FailingAccessor {
    @PersonalData(category = "user.contact.email")
    public String email() {
      throw new IllegalStateException("not loaded: ada@example.com");
    }
  }

  @Test
  void aMemberThatCannotBeReadIsReportedOnceByWhatToChangeAndNeverByItsValue() {
    List<RedactionFailure> told = new ArrayList<>();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    DefaultObjectRenderer.FailureReport report =
        new DefaultObjectRenderer.FailureReport(new PrintStream(err, true, StandardCharsets.UTF_8));
    ObjectRedaction reporting = new ObjectRedaction(Redactor.create(RedactionSettings.builder()
        .onFailure(failure -> {
          told.add(failure);
          report.accept(failure);
        }).build()));
    Object throwing = new Object() {
      @Override
      public String toString() {
        throw new IllegalArgumentException("ada@example.com");
      }
    };

    assertEquals("FailingAccessor{email()=[REDACTION_FAILED]}", reporting.render(new FailingAccessor()));
    assertEquals("FailingAccessor{email()=[REDACTION_FAILED]}", reporting.render(new FailingAccessor()));
    assertEquals("[REDACTION_FAILED]", reporting.render(throwing));

    String accessor = FailingAccessor.class.getName() + ".email() threw java.lang.IllegalStateException";
    assertEquals(new RedactionFailure("object", "dev.piiwarden.api.PersonalDataAccessException",
        "The accessor " + accessor), told.get(0));
    assertEquals(new RedactionFailure("object", "java.lang.IllegalArgumentException"), told.get(2));
    assertEquals("piiwarden: PersonalDataExport.redact wrote [REDACTION_FAILED] in place of what it"
        + " could not redact: The accessor " + accessor + "\n"
        + "piiwarden: PersonalDataExport.redact wrote [REDACTION_FAILED] in place of what it could"
        + " not redact: java.lang.IllegalArgumentException (its message is not shown, as it could"
        + " quote the value)\n", err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }

  @Test
  void theFailureReportStopsAfterItsLimit() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    DefaultObjectRenderer.FailureReport report =
        new DefaultObjectRenderer.FailureReport(new PrintStream(err, true, StandardCharsets.UTF_8));
    for (int i = 0; i < 3 * DefaultObjectRenderer.FailureReport.MOST; i++) {
      report.accept(new RedactionFailure("object", "x.Failure" + i));
    }
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(DefaultObjectRenderer.FailureReport.MOST + 1, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(lines.size() - 1).contains("further ones are not reported"), lines.toString());
  }

  @Test
  void exportFindsTheMembersThatRedactionFindsWithOrWithoutADescriptor() {
    for (Class<?> type : List.of(Customer.class, Account.class, Shipment.class)) {
      assertEquals(
          PersonalMembers.of(type).stream().map(PersonalMember::name).toList(),
          PersonalDataDescriptors.membersOf(type).stream().map(PersonalDataMember::name).toList(),
          type::getName);
    }
    var shipment = new Shipment("1 Example Road", "leave at the door", List.of(ada));
    assertEquals(List.of("address=1 Example Road", "email=ada@example.com", "phone=+44 20 7946 0958",
            "card=4111111111111111", "password=hunter2"),
        PersonalDataExport.export(shipment).stream().map(e -> e.member() + "=" + e.value()).toList());
  }

  @Test
  void personalDataExportRedactFindsCoreThroughTheServiceLoader() {
    String out = PersonalDataExport.redact(ada);
    assertTrue(out.startsWith("Customer{email=[REDACTED:user.contact.email], phone=[user.contact.phone_number:"), out);
    assertFalse(out.contains("ada@example.com") || out.contains("hunter2"), out);
  }

  /** What a JSON encoder that keeps an object's structure puts in place of its annotated members. */
  @Test
  void renderedMembersGiveEachAnnotatedMemberAsRenderShowsIt() {
    Map<String, String> members = objects.renderedMembers(ada);
    assertEquals(List.of("email", "phone", "card", "password"), new ArrayList<>(members.keySet()));
    assertEquals("[REDACTED:user.contact.email]", members.get("email"));
    assertEquals(redactor.hashToken("user.contact.phone_number", "+44 20 7946 0958"), members.get("phone"));
    assertEquals("************1111", members.get("card"));
    assertEquals(null, members.get("password"));
    assertEquals(Map.of(), objects.renderedMembers("ada@example.com"));
    assertEquals(Map.of(), objects.renderedMembers(List.of(ada)));
  }

  @Test
  void holdsPersonalMembersLooksIntoContainersAndRecords() {
    assertTrue(objects.holdsPersonalMembers(ada));
    assertTrue(objects.holdsPersonalMembers(Map.of("who", List.of(Optional.of(ada)))));
    assertTrue(objects.holdsPersonalMembers(new Object[] {"x", ada}));
    assertTrue(objects.holdsPersonalMembers(new Shipment(null, "fragile", List.of())));
    record Wrapper(String label, List<Customer> customers) {}
    assertTrue(objects.holdsPersonalMembers(new Wrapper("w", List.of(ada))));
    assertFalse(objects.holdsPersonalMembers(new Wrapper("w", List.of())));
    assertFalse(objects.holdsPersonalMembers(Map.of("mail", "ada@example.com")));
    assertFalse(objects.holdsPersonalMembers(new int[] {1, 2}));
    assertFalse(objects.holdsPersonalMembers(null));
  }
}
