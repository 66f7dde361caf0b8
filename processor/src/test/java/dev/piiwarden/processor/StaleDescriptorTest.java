package dev.piiwarden.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.piiwarden.api.PersonalDataDescriptor;
import dev.piiwarden.api.PersonalDataDescriptors;
import dev.piiwarden.api.PersonalDataMember;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class recompiled on its own into the same output folder (plain javac, Maven without
 * incremental compilation) that no longer declares personal data: its earlier descriptor class is
 * replaced by an empty one, so redaction and export stop treating the class as personal data and
 * nothing fails on a member that is gone. Each class is loaded from the output folder, as an
 * application would load it. A class that never had a descriptor still gets none.
 */
class StaleDescriptorTest {
  private static final String USER = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      public class User {
        @PersonalData(category = "user.contact.email", basis = LawfulBasis.CONTRACT)
        private String email;
        @PersonalData(category = "user.contact.phone_number", basis = LawfulBasis.CONTRACT)
        private String phone;
        public User(String email, String phone) { this.email = email; this.phone = phone; }
      }
      """;
  private static final String USER_UNMARKED = """
      package com.acme;
      public class User {
        private String email;
        private String phone;
        public User(String email, String phone) { this.email = email; this.phone = phone; }
      }
      """;
  private static final String USER_WITHOUT_FIELDS = """
      package com.acme;
      public class User {
        public User(String email, String phone) {}
      }
      """;
  private static final String USER_WITHOUT_PHONE = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      public class User {
        @PersonalData(category = "user.contact.email", basis = LawfulBasis.CONTRACT)
        private String email;
        public User(String email, String phone) { this.email = email; }
      }
      """;
  private static final String PLAIN = """
      package com.acme;
      public class Plain {
        public int one() { return 1; }
      }
      """;

  @Test
  void aClassThatLosesItsAnnotationsGetsAnEmptyDescriptor(@TempDir Path dir) throws Exception {
    recompiledAlone(dir, USER_UNMARKED, List.of());
  }

  @Test
  void withoutTheBodyAnalysisAClassThatLosesItsAnnotationsGetsAnEmptyDescriptor(@TempDir Path dir)
      throws Exception {
    recompiledAlone(dir, USER_UNMARKED, List.of("-Apiiwarden.flow=false"));
  }

  @Test
  void aClassWhosePersonalDataFieldsAreRemovedGetsAnEmptyDescriptor(@TempDir Path dir) throws Exception {
    // The earlier descriptor reads the private fields through VarHandles: it would fail to load.
    recompiledAlone(dir, USER_WITHOUT_FIELDS, List.of());
  }

  @Test
  void aClassThatKeepsSomePersonalDataGetsItsDescriptorRegenerated(@TempDir Path dir) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/com/acme"));
    Path user = Files.writeString(src.resolve("User.java"), USER);
    compile(dir, user);
    assertThat(memberNames(dir.resolve("out/classes"), "com.acme.User")).containsExactly("email", "phone");

    Files.writeString(user, USER_WITHOUT_PHONE);
    compile(dir, user);
    try (URLClassLoader loader = loader(dir.resolve("out/classes"))) {
      Class<?> type = loader.loadClass("com.acme.User");
      List<PersonalDataMember<Object>> members = PersonalDataDescriptors.membersOf(type);
      assertThat(members.stream().map(PersonalDataMember::name).toList()).containsExactly("email");
      Object instance = type.getConstructor(String.class, String.class).newInstance("ada@example.com", "+44 1");
      assertThat(members.get(0).read(instance)).isEqualTo("ada@example.com");
    }
  }

  @Test
  void aNestedClassThatLosesItsPersonalDataGetsAnEmptyDescriptorBesideItsOutersNewOne(@TempDir Path dir)
      throws Exception {
    String outer = """
        package com.acme;
        import dev.piiwarden.annotations.*;
        public class Outer {
          @PersonalData(category = "user.contact.email") public String email;
          public static class Inner<T> {
            @PersonalData(category = "user.contact.phone_number") public String phone;
            public T value;
          }
        }
        """;
    Path src = Files.createDirectories(dir.resolve("src/com/acme"));
    Path file = Files.writeString(src.resolve("Outer.java"), outer);
    compile(dir, file);
    Path classes = dir.resolve("out/classes");
    assertThat(memberNames(classes, "com.acme.Outer$Inner")).containsExactly("phone");

    Files.writeString(file, outer.replace("@PersonalData(category = \"user.contact.phone_number\")", ""));
    compile(dir, file);
    assertThat(memberNames(classes, "com.acme.Outer")).containsExactly("email");
    assertThat(memberNames(classes, "com.acme.Outer$Inner")).isEmpty();
    assertThat(describedType(classes, "com.acme.Outer_Inner_PiiWardenDescriptor")).isEqualTo("com.acme.Outer$Inner");
  }

  @Test
  void aDescriptorOfAnotherClassWithTheSameNameIsLeftAlone(@TempDir Path dir) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/com/acme"));
    Path topLevel = Files.writeString(src.resolve("Odd_Inner.java"), """
        package com.acme;
        public class Odd_Inner {
          @dev.piiwarden.annotations.PersonalData(category = "user.contact.email")
          public String email;
        }
        """);
    Path odd = Files.writeString(src.resolve("Odd.java"), """
        package com.acme;
        public class Odd {
          @dev.piiwarden.annotations.PersonalData(category = "user.contact.email")
          public String email;
          public static class Inner { public String phone; }
        }
        """);
    compile(dir, topLevel, odd);
    Path classes = dir.resolve("out/classes");

    Files.writeString(odd,
        Files.readString(odd).replace("@dev.piiwarden.annotations.PersonalData(category = \"user.contact.email\")", ""));
    compile(dir, odd);
    assertThat(memberNames(classes, "com.acme.Odd")).isEmpty();
    assertThat(memberNames(classes, "com.acme.Odd_Inner")).containsExactly("email");
    assertThat(describedType(classes, "com.acme.Odd_Inner_PiiWardenDescriptor")).isEqualTo("com.acme.Odd_Inner");
  }

  /** Compiles User and Plain, then {@code changed} as User alone into the same folders. */
  private static void recompiledAlone(Path dir, String changed, List<String> options) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/com/acme"));
    Path user = Files.writeString(src.resolve("User.java"), USER);
    Path plain = Files.writeString(src.resolve("Plain.java"), PLAIN);
    RealCompilation first = RealCompilation.run(dir.resolve("out"), List.of(user, plain), options);
    assertWithMessage(first.all()).that(first.success).isTrue();
    Path classes = first.classes;
    assertThat(memberNames(classes, "com.acme.User")).containsExactly("email", "phone");

    Files.writeString(user, changed);
    RealCompilation second = RealCompilation.run(dir.resolve("out"), List.of(user, plain), options);
    assertWithMessage(second.all()).that(second.success).isTrue();
    // javac's own warning when no processor ran in the rounds (no class carries an annotation) aside
    assertWithMessage(second.all()).that(second.messages(Diagnostic.Kind.WARNING).stream()
        .filter(warning -> !warning.startsWith("The following options were not recognized by any processor"))
        .toList()).isEmpty();
    try (URLClassLoader loader = loader(classes)) {
      Class<?> type = loader.loadClass("com.acme.User");
      assertThat(PersonalDataDescriptors.hasPersonalData(type)).isFalse();
      PersonalDataDescriptor<?> descriptor = (PersonalDataDescriptor<?>) loader
          .loadClass("com.acme.User_PiiWardenDescriptor").getConstructor().newInstance();
      assertThat(descriptor.type()).isSameInstanceAs(type);
      assertThat(descriptor.members()).isEmpty();
    }
    String source = Files.readString(second.generated.resolve("com/acme/User_PiiWardenDescriptor.java"));
    assertThat(source).doesNotContain("email");
    assertThat(source).contains("List.of()");
    assertThat(Files.exists(classes.resolve("com/acme/Plain_PiiWardenDescriptor.class"))).isFalse();
    assertThat(Files.exists(second.generated.resolve("com/acme/Plain_PiiWardenDescriptor.java"))).isFalse();
  }

  private static void compile(Path dir, Path... sources) throws IOException {
    RealCompilation compilation = RealCompilation.run(dir.resolve("out"), List.of(sources), List.of());
    assertWithMessage(compilation.all()).that(compilation.success).isTrue();
  }

  /** The personal data members of a class loaded from the output folder, as the agent finds them. */
  private static List<String> memberNames(Path classes, String binaryName) throws Exception {
    try (URLClassLoader loader = loader(classes)) {
      return PersonalDataDescriptors.membersOf(loader.loadClass(binaryName)).stream()
          .map(PersonalDataMember::name)
          .toList();
    }
  }

  private static String describedType(Path classes, String descriptorName) throws Exception {
    try (URLClassLoader loader = loader(classes)) {
      PersonalDataDescriptor<?> descriptor =
          (PersonalDataDescriptor<?>) loader.loadClass(descriptorName).getConstructor().newInstance();
      return descriptor.type().getName();
    }
  }

  private static URLClassLoader loader(Path classes) throws IOException {
    return new URLClassLoader(new URL[] {classes.toUri().toURL()}, StaleDescriptorTest.class.getClassLoader());
  }
}
