package dev.piiwarden.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fixture.Broken;
import com.acme.fixture.Member;
import com.acme.fixture.Person;
import com.acme.fixture.Shared;
import com.acme.fixture.plain.Customers;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataExportTest {

  @Test
  void descriptorNamesFollowTheBinaryName() {
    assertEquals("com.acme.User_PiiWardenDescriptor", PersonalDataDescriptors.descriptorName("com.acme.User"));
    assertEquals("com.acme.Outer_Inner_PiiWardenDescriptor",
        PersonalDataDescriptors.descriptorName("com.acme.Outer$Inner"));
    assertEquals("Top_PiiWardenDescriptor", PersonalDataDescriptors.descriptorName("Top"));
  }

  @Test
  void exportListsEveryMemberWithItsCategoryInheritedMembersFirst() {
    var employee = new Person.Employee("Ada Lovelace", "B-1815");
    assertEquals(
        List.of(
            new PersonalDataExport.Entry("com.acme.fixture.Person$Employee", "name", "user.name",
                List.of("essential.service"), "Ada Lovelace", "[0]"),
            new PersonalDataExport.Entry("com.acme.fixture.Person$Employee", "badge", "user.unique_id",
                List.of(), "B-1815", "[0]")),
        PersonalDataExport.export(employee, null, "a plain string"));
  }

  @Test
  void aClassCompiledWithoutTheProcessorIsReadThroughItsAnnotations() {
    var customer = new Customers.Customer();
    List<PersonalDataExport.Entry> entries = PersonalDataExport.export(customer);
    assertEquals(
        List.of("[0] name=Ada Lovelace", "[0] email=ada@example.com", "[0] getPhone()=+44 20 7946 0999",
            "[0].home street=1 Example Road"),
        lines(entries));
    assertEquals(new PersonalDataExport.Entry("com.acme.fixture.plain.Customers$Customer", "name",
        "user.name", List.of("essential.service"), "Ada Lovelace", "[0]"), entries.get(0));
    PersonalDataMember<Object> email = PersonalDataDescriptors.membersOf(Customers.Customer.class).get(1);
    assertEquals(PersonalDataMember.Kind.FIELD, email.kind());
    assertEquals("customer", email.subject());
    assertEquals(PersonalDataMember.Kind.RECORD_COMPONENT,
        PersonalDataDescriptors.membersOf(Customers.Login.class).get(0).kind());
  }

  @Test
  void onlyAClassWithNeitherDescriptorNorAnnotationsHasNoPersonalData() {
    assertFalse(PersonalDataDescriptors.hasPersonalData(String.class));
    assertFalse(PersonalDataDescriptors.hasPersonalData(Customers.Counter.class));
    assertTrue(PersonalDataDescriptors.hasPersonalData(Person.class));
    assertTrue(PersonalDataDescriptors.hasPersonalData(Customers.Address.class));
    assertTrue(PersonalDataDescriptors.hasPersonalData(Customers.Customer.class));
  }

  @Test
  void collectionsArraysMapsAndOptionalsAmongTheArgumentsAreExportedElementByElement() {
    var login = new Customers.Login("c-1", "203.0.113.9");
    var other = new Customers.Login("c-1", "198.51.100.7");
    assertEquals(List.of("[0][0] clientIp=203.0.113.9", "[0][1] clientIp=198.51.100.7"),
        lines(PersonalDataExport.export(List.of(login, other))));
    assertEquals(List.of("[0] name=Ada Lovelace", "[1][0] clientIp=203.0.113.9"),
        lines(PersonalDataExport.export(new Person("Ada Lovelace"), Set.of(login))));
    var third = new Customers.Login("c-1", "192.0.2.1");
    assertEquals(List.of("[0][0] clientIp=203.0.113.9", "[1] clientIp=198.51.100.7",
            "[2][0][0] clientIp=192.0.2.1"),
        lines(PersonalDataExport.export(Map.of("web", login), Optional.of(other),
            new Object[] {new Customers.Login[] {third}})));
    assertEquals(List.of(), PersonalDataExport.export(List.of(), Optional.empty(), new int[] {1},
        List.of("a plain string"), new Customers.Counter()));
  }

  @Test
  void objectsThatFieldsReferToAreExportedWithThePathToThem() {
    assertEquals(
        List.of("[0].billing street=2 Billing Lane", "[0].lastLogins[0] clientIp=203.0.113.9",
            "[0].failedLogins[0] clientIp=198.51.100.7", "[0].attachment street=3 Object Street",
            "[0].sessions[0][0] clientIp=192.0.2.1"),
        lines(PersonalDataExport.export(new Customers.Account())));
  }

  @Test
  void anObjectMetAgainIsExportedOnceSoCyclesEnd() {
    var ada = new Customers.Customer();
    var bob = new Customers.Customer();
    bob.name = "Bob";
    bob.home = ada.home;
    ada.referredBy = bob;
    bob.referredBy = ada;
    assertEquals(
        List.of("[0] name=Ada Lovelace", "[0] email=ada@example.com", "[0] getPhone()=+44 20 7946 0999",
            "[0].home street=1 Example Road", "[0].referredBy name=Bob",
            "[0].referredBy email=ada@example.com", "[0].referredBy getPhone()=+44 20 7946 0999"),
        lines(PersonalDataExport.export(ada, bob, List.of(ada))));
  }

  @Test
  void anotherDataSubjectReachedThroughAReferenceIsNotExported() {
    var erika = new Member("s-1", "Erika Example");
    var max = new Member("s-2", "Max Mustermann");
    erika.friends.add(max);
    max.friends.add(erika);
    max.card = new Member.Card("s-2", "4111 1111 1111 1111");
    erika.card = new Member.Card("s-1", "5500 0000 0000 0004");
    erika.sameAccount = new Member("s-1", "Erika E.");
    assertEquals(
        List.of("[0] name=Erika Example", "[0].sameAccount name=Erika E.",
            "[0].card number=5500 0000 0000 0004"),
        lines(PersonalDataExport.export(erika)));
    // an argument is always exported, also with another argument's subject
    assertEquals(List.of("[0] name=Erika Example", "[0].sameAccount name=Erika E.",
            "[0].card number=5500 0000 0000 0004", "[1][0] name=Max Mustermann",
            "[1][0].card number=4111 1111 1111 1111"),
        lines(PersonalDataExport.export(erika, List.of(max))));
  }

  @Test
  void anotherDataSubjectIsNotExportedWithoutDescriptorsEitherWhileAddressesAreFollowed() {
    var erika = new Customers.Subscriber("s-1", "Erika Example");
    var max = new Customers.Subscriber("s-2", "Max Mustermann");
    erika.friends.add(max);
    erika.note = max;
    max.home = new Customers.Address("2 Other Street");
    assertEquals(List.of("[0] name=Erika Example", "[0].home street=1 Example Road"),
        lines(PersonalDataExport.export(erika)));
    // an argument with no subject id of its own has none that a nested subject could equal
    var order = new Customers.Order();
    order.buyer = erika;
    assertEquals(List.of("[0].delivery street=3 Delivery Road", "[1] name=Erika Example",
            "[1].home street=1 Example Road"),
        lines(PersonalDataExport.export(order, order.buyer)));
  }

  @Test
  void aLongChainDoesNotOverflowTheStack() {
    var first = new Customers.Node();
    var last = first;
    for (int i = 0; i < 100_000; i++) {
      last.next = new Customers.Node();
      last = last.next;
    }
    last.login = new Customers.Login("c-1", "203.0.113.9");
    List<PersonalDataExport.Entry> entries = PersonalDataExport.export(first);
    assertEquals(1, entries.size());
    assertEquals("[0]" + ".next".repeat(100_000) + ".login", entries.get(0).path());
  }

  @Test
  void aMemberThatCannotBeReadFailsTheExportInsteadOfLeavingItOut() {
    PersonalDataAccessException e = assertThrows(PersonalDataAccessException.class,
        () -> PersonalDataExport.export(List.of(new Customers.Failing())));
    assertEquals("The accessor com.acme.fixture.plain.Customers$Failing.getName() threw"
        + " java.lang.UnsupportedOperationException", e.getMessage());
    assertEquals(UnsupportedOperationException.class, e.getCause().getClass());
  }

  @Test
  void aBrokenDescriptorIsAnErrorNotAnAbsence() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PersonalDataDescriptors.membersOf(Broken.class));
    assertTrue(e.getMessage().contains("recompile com.acme.fixture.Broken"), e.getMessage());
  }

  @Test
  void aDescriptorOfAnotherClassOfTheSameNameIsAnErrorNamingBoth() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PersonalDataDescriptors.membersOf(Shared.class));
    assertTrue(e.getMessage().contains("describes com.acme.fixture.Shared_PiiWardenDescriptor$Other, not"
        + " com.acme.fixture.Shared"), e.getMessage());
    assertTrue(e.getMessage().contains("rename one of them and recompile"), e.getMessage());
  }

  @Test
  void aClassThatCannotBeDescribedFailsTheExportOnlyWhereItWasAsked(@TempDir Path dir)
      throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/p"));
    Files.writeString(src.resolve("Extension.java"), "package p; public class Extension {}");
    Files.writeString(src.resolve("Client.java"),
        "package p; public class Client { Extension feature; }");
    Files.writeString(src.resolve("Holder.java"), "package p; public class Holder {"
        + " @dev.piiwarden.annotations.PersonalData(category = \"user.name\") String name = \"Ada\";"
        + " public Client client = new Client(); }");
    Path classes = dir.resolve("classes");
    int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
        "-cp", System.getProperty("java.class.path"), src.resolve("Extension.java").toString(),
        src.resolve("Client.java").toString(), src.resolve("Holder.java").toString());
    assertEquals(0, exit);
    Files.delete(classes.resolve("p/Extension.class")); // an optional dependency that is absent
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      Object holder = loader.loadClass("p.Holder").getConstructor().newInstance();
      assertEquals(List.of("[0] name=Ada"), lines(PersonalDataExport.export(holder)));
      Object client = loader.loadClass("p.Client").getConstructor().newInstance();
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> PersonalDataExport.export(List.of(client)));
      assertTrue(e.getMessage().startsWith("PII Warden cannot read the members of p.Client at [0][0]"),
          e.getMessage());
    }
  }

  @Test
  void aBrokenDescriptorOfANestedClassFailsTheExport() {
    assertThrows(IllegalStateException.class, () -> PersonalDataExport.export(new Broken.Holder()));
  }

  @Test
  void redactWithoutTheEngineFailsLoudlyInsteadOfReturningRawValues() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PersonalDataExport.redact(new Person("Ada")));
    assertTrue(e.getMessage().contains("-javaagent"), e.getMessage());
  }

  /** Each entry as "path member=value". */
  private static List<String> lines(List<PersonalDataExport.Entry> entries) {
    return entries.stream().map(e -> e.path() + " " + e.member() + "=" + e.value()).toList();
  }
}
