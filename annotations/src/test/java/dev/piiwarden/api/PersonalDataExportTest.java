package dev.piiwarden.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fixture.Broken;
import com.acme.fixture.Person;
import com.acme.fixture.Shared;
import java.util.List;
import org.junit.jupiter.api.Test;

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
                List.of("essential.service"), "Ada Lovelace"),
            new PersonalDataExport.Entry("com.acme.fixture.Person$Employee", "badge", "user.unique_id",
                List.of(), "B-1815")),
        PersonalDataExport.export(employee, null, "a plain string"));
  }

  @Test
  void aClassWithoutDescriptorsHasNoPersonalData() {
    assertFalse(PersonalDataDescriptors.hasPersonalData(String.class));
    assertTrue(PersonalDataDescriptors.hasPersonalData(Person.class));
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
  void redactWithoutTheEngineFailsLoudlyInsteadOfReturningRawValues() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PersonalDataExport.redact(new Person("Ada")));
    assertTrue(e.getMessage().contains("-javaagent"), e.getMessage());
  }
}
