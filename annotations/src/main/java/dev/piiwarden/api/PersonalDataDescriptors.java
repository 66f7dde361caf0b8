package dev.piiwarden.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the personal data members of a class and of its superclasses: for each class, from its
 * generated {@link PersonalDataDescriptor}, or, for a class compiled without the processor, by
 * reflection over its {@link dev.piiwarden.annotations.PersonalData} fields, record components and
 * accessors (their annotations are kept at run time).
 *
 * <p>A descriptor of {@code com.acme.User} is the class {@code com.acme.User_PiiWardenDescriptor};
 * of a nested {@code com.acme.Outer.Inner}, {@code com.acme.Outer_Inner_PiiWardenDescriptor}.
 */
public final class PersonalDataDescriptors {
  /** The suffix of generated descriptor classes. */
  public static final String SUFFIX = "_PiiWardenDescriptor";

  private static final ClassValue<List<PersonalDataMember<Object>>> MEMBERS =
      new ClassValue<>() {
        @Override
        protected List<PersonalDataMember<Object>> computeValue(Class<?> type) {
          List<PersonalDataMember<Object>> members = new ArrayList<>();
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            PersonalDataDescriptor<Object> descriptor = declared(c);
            members.addAll(0, descriptor != null ? descriptor.members() : AnnotatedMembers.of(c));
          }
          return List.copyOf(members);
        }
      };

  private static final ConcurrentHashMap<Class<?>, Boolean> BROKEN = new ConcurrentHashMap<>();

  private PersonalDataDescriptors() {}

  /** The name of the descriptor class generated for the class with this binary name. */
  public static String descriptorName(String binaryName) {
    int lastDot = binaryName.lastIndexOf('.');
    return binaryName.substring(0, lastDot + 1)
        + binaryName.substring(lastDot + 1).replace('$', '_')
        + SUFFIX;
  }

  /**
   * The personal data members of {@code type}, its superclasses' first; empty when none of them
   * has a descriptor with members or an annotated member. A class with a descriptor is read through
   * it; a class without one, by reflection (a member that reflection may not read, in a package its
   * module does not open, throws {@link IllegalStateException} when read).
   *
   * @throws IllegalStateException when a descriptor exists but cannot be used: that must not look
   *     like "no personal data"
   */
  public static List<PersonalDataMember<Object>> membersOf(Class<?> type) {
    return MEMBERS.get(type);
  }

  /** Whether {@code type} or a superclass declares personal data members. */
  public static boolean hasPersonalData(Class<?> type) {
    return !membersOf(type).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static PersonalDataDescriptor<Object> declared(Class<?> type) {
    String name = descriptorName(type.getName());
    try {
      Class<?> descriptorClass = Class.forName(name, true, type.getClassLoader());
      PersonalDataDescriptor<Object> descriptor =
          (PersonalDataDescriptor<Object>) descriptorClass.getDeclaredConstructor().newInstance();
      if (descriptor.type() != type) {
        // a nested Outer.Inner and a top-level Outer_Inner share the name; the processor says so
        throw new PersonalDataAccessException("The PII Warden descriptor " + name + " describes "
            + descriptor.type().getName() + ", not " + type.getName() + ": the two classes share the"
            + " descriptor's name; rename one of them and recompile");
      }
      return descriptor;
    } catch (ClassNotFoundException absent) {
      return null;
    } catch (IllegalAccessException hidden) {
      // a named module that does not export the descriptor's package to this one
      throw PersonalDataAccessException.notExported(
          type, name, PersonalDataDescriptors.class.getModule(), hidden);
    } catch (ReflectiveOperationException | LinkageError | ClassCastException broken) {
      // A descriptor that exists but cannot be used must not look like "no personal data".
      throw PersonalDataAccessException.unusable(type, name, broken);
    }
  }
}
