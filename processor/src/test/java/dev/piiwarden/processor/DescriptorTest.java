package dev.piiwarden.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.piiwarden.api.PersonalDataDescriptors;
import dev.piiwarden.api.PersonalDataExport;
import dev.piiwarden.api.PersonalDataMember;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated descriptors compile cleanly under -Xlint:all and read the right values. */
class DescriptorTest {
  @TempDir static Path output;
  private static RealCompilation compilation;
  private static URLClassLoader loader;

  @BeforeAll
  static void compileAndLoad() throws IOException {
    compilation = RealCompilation.run(
        output, Fixtures.files(), List.of("-Xlint:all"));
    assertWithMessage(compilation.all()).that(compilation.success).isTrue();
    loader = new URLClassLoader(new URL[] {compilation.classes.toUri().toURL()},
        DescriptorTest.class.getClassLoader());
  }

  @AfterAll
  static void close() throws IOException {
    loader.close();
  }

  @Test
  void generatedCodeCompilesWithoutWarnings() {
    assertWithMessage(compilation.all()).that(compilation.messages(Diagnostic.Kind.WARNING)).isEmpty();
    assertWithMessage(compilation.all())
        .that(compilation.messages(Diagnostic.Kind.MANDATORY_WARNING)).isEmpty();
  }

  @Test
  void readsPublicFieldsGettersVarHandlesAndAccessors() throws Exception {
    Object user = construct("com.acme.User", "u-1", "Ada", "ada@example.com", "s3cret-hash");
    assertThat(values(user)).containsExactly(
        "name", "Ada",
        "email", "ada@example.com",
        "passwordHash", "s3cret-hash",
        "getPhone()", "+44 20 7946 0000").inOrder();
  }

  @Test
  void aPrivateFieldWithAGetterIsReadThroughItAndOnlyOtherwiseThroughAVarHandle() throws IOException {
    String source = Files.readString(
        compilation.generated.resolve("com/acme/User_PiiWardenDescriptor.java"), StandardCharsets.UTF_8);
    assertThat(source).contains("o -> o.name");
    assertThat(source).contains("o -> o.getEmail()");
    assertThat(source).contains("PASSWORD_HASH_HANDLE = field(\"passwordHash\", String.class, false)");
    assertThat(source).doesNotContain("EMAIL_HANDLE");
    assertThat(source).contains("public final class User_PiiWardenDescriptor implements PersonalDataDescriptor<User>");
  }

  @Test
  void aSubclassListsInheritedMembersFirst() throws Exception {
    Object customer = construct("com.acme.Customer", "u-2", "Bob", "bob@example.com", "GB33BUKB20201555555555");
    assertThat(values(customer).keySet())
        .containsExactly("name", "email", "passwordHash", "getPhone()", "iban").inOrder();
    assertThat(values(customer).get("iban")).isEqualTo("GB33BUKB20201555555555");
  }

  @Test
  void aRecordIsReadThroughItsAccessors() throws Exception {
    Object contact = construct("com.acme.Contact", "c@example.com", "peanuts", 3);
    assertThat(values(contact)).containsExactly("email", "c@example.com", "allergy", "peanuts").inOrder();
    assertThat(PersonalDataDescriptors.membersOf(contact.getClass()).get(0).kind())
        .isEqualTo(PersonalDataMember.Kind.RECORD_COMPONENT);
  }

  @Test
  void nestedAndGenericClassesHaveDescriptors() throws Exception {
    Object address = construct("com.acme.Outer$Address", "1 Main St");
    assertThat(values(address)).containsExactly("street", "1 Main St");
    Object box = construct("com.acme.Outer$Box", (CharSequence) "box@example.com");
    assertThat(values(box)).containsExactly("value", "box@example.com", "phones", List.of("1")).inOrder();
    Class<?> descriptor = loader.loadClass("com.acme.Outer_Box_PiiWardenDescriptor");
    assertThat(descriptor.getGenericInterfaces()[0].getTypeName())
        .isEqualTo("dev.piiwarden.api.PersonalDataDescriptor<com.acme.Outer$Box<?>>");
    Object gold = loader.loadClass("com.acme.Outer$Tier").getEnumConstants()[0];
    assertThat(values(gold)).containsExactly("label", "gold");
  }

  @Test
  void aPrivateNestedClassHasNoDescriptor() {
    assertThat(Files.exists(compilation.generated.resolve("com/acme/Outer_Hidden_PiiWardenDescriptor.java")))
        .isFalse();
    assertThat(compilation.messages(Diagnostic.Kind.NOTE).toString())
        .contains("PW013: Class com.acme.Outer$Hidden is left out of PII Warden's generated descriptors");
  }

  @Test
  void exportReturnsEveryEntryWithItsCategory() throws Exception {
    Object user = construct("com.acme.User", "u-1", "Ada", "ada@example.com", "h");
    Object contact = construct("com.acme.Contact", "c@example.com", "peanuts", 3);
    List<PersonalDataExport.Entry> entries = PersonalDataExport.export(user, null, contact);
    assertThat(entries).hasSize(6);
    assertThat(entries.get(1)).isEqualTo(new PersonalDataExport.Entry("com.acme.User", "email",
        "user.contact.email", List.of("essential.service", "marketing.communications.email"), "ada@example.com", "[0]"));
    assertThat(entries.get(5)).isEqualTo(new PersonalDataExport.Entry("com.acme.Contact", "allergy",
        "user.health_and_medical", List.of(), "peanuts", "[2]"));
  }

  private static Map<String, Object> values(Object object) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (PersonalDataMember<Object> member : PersonalDataDescriptors.membersOf(object.getClass())) {
      values.put(member.name(), member.read(object));
    }
    return values;
  }

  private static Object construct(String className, Object... args) throws Exception {
    Class<?> type = loader.loadClass(className);
    for (var constructor : type.getDeclaredConstructors()) {
      if (constructor.getParameterCount() == args.length) {
        constructor.setAccessible(true);
        return constructor.newInstance(args);
      }
    }
    throw new AssertionError("no constructor with " + args.length + " parameters in " + className);
  }
}
