package dev.piiwarden.core.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code @PersonalData} members of a class, superclasses' first. Each class of the lineage
 * gives its members from its generated descriptor when it has one ({@link DescriptorMembers}),
 * otherwise by reflection over its annotated fields, record components and accessor methods
 * ({@link AnnotatedMembers}, for classes compiled without the processor). Both read the
 * application's types by name through the class's own loader, so they work inside the agent, whose
 * copy of the API is relocated. Found once per class: for a class without personal data, rendering
 * costs one {@link ClassValue} lookup. A member that cannot be read reads as a failure, never as
 * its raw value.
 */
final class PersonalMembers {
  private static final ClassValue<List<PersonalMember>> MEMBERS =
      new ClassValue<>() {
        @Override
        protected List<PersonalMember> computeValue(Class<?> type) {
          return find(type);
        }
      };

  /** The {@code @DataSubject} member of each class that is not personal data, if any. */
  private static final ClassValue<Optional<PersonalMember>> SUBJECT =
      new ClassValue<>() {
        @Override
        protected Optional<PersonalMember> computeValue(Class<?> type) {
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            PersonalMember subject = AnnotatedMembers.subject(c);
            if (subject != null) {
              return Optional.of(subject);
            }
          }
          return Optional.empty();
        }
      };

  private PersonalMembers() {}

  /**
   * The member of {@code type} or a superclass marked {@code @DataSubject} without being {@code
   * @PersonalData}, the internal id of the person the object is about, or null. Found by reflection
   * once per class.
   */
  static PersonalMember subject(Class<?> type) {
    return SUBJECT.get(type).orElse(null);
  }

  /**
   * The personal data members of {@code type}; empty when it has none.
   *
   * @throws IllegalStateException when a generated descriptor exists but cannot be used
   */
  static List<PersonalMember> of(Class<?> type) {
    return MEMBERS.get(type);
  }

  /** The member named {@code name} in {@code members}, or null. */
  static PersonalMember named(List<PersonalMember> members, String name) {
    for (PersonalMember member : members) {
      if (member.name().equals(name)) {
        return member;
      }
    }
    return null;
  }

  private static List<PersonalMember> find(Class<?> type) {
    List<Class<?>> lineage = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      lineage.add(0, c);
    }
    List<PersonalMember> members = new ArrayList<>();
    for (Class<?> c : lineage) {
      List<PersonalMember> generated = DescriptorMembers.of(c);
      members.addAll(generated != null ? generated : AnnotatedMembers.of(c));
    }
    return List.copyOf(members);
  }
}
