package dev.piiwarden.core.redaction;

import dev.piiwarden.annotations.Redaction;
import dev.piiwarden.api.PersonalDataAccessException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The members a generated {@code *_PiiWardenDescriptor} declares for one class, read reflectively:
 * the descriptor and its {@code PersonalDataMember}s are the application's classes, which core
 * inside the agent cannot link against (see {@link ApplicationApiNames}).
 */
final class DescriptorMembers {
  private DescriptorMembers() {}

  /**
   * The members the descriptor of {@code type} declares, or null when it has no descriptor.
   *
   * @throws IllegalStateException when a descriptor exists but cannot be used: that must not look
   *     like "no personal data"
   */
  static List<PersonalMember> of(Class<?> type) {
    String name = ApplicationApiNames.descriptorOf(type.getName());
    Class<?> descriptorClass;
    try {
      descriptorClass = Class.forName(name, true, type.getClassLoader());
    } catch (ClassNotFoundException absent) {
      return null;
    } catch (LinkageError broken) {
      throw PersonalDataAccessException.unusable(type, name, broken);
    }
    try {
      return members(descriptorClass, type);
    } catch (IllegalAccessException | InaccessibleObjectException hidden) {
      // a named module that does not export the descriptor's package to this one
      throw PersonalDataAccessException.notExported(
          type, name, DescriptorMembers.class.getModule(), hidden);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException broken) {
      throw PersonalDataAccessException.unusable(type, name, broken);
    }
  }

  private static List<PersonalMember> members(Class<?> descriptorClass, Class<?> type)
      throws ReflectiveOperationException {
    Class<?> api = Class.forName(ApplicationApiNames.DESCRIPTOR, false, descriptorClass.getClassLoader());
    if (!api.isAssignableFrom(descriptorClass)) {
      throw new ClassCastException(descriptorClass.getName() + " is no " + api.getName());
    }
    Constructor<?> constructor = descriptorClass.getDeclaredConstructor();
    constructor.trySetAccessible();
    Object descriptor = constructor.newInstance();
    List<?> declared = (List<?>) api.getMethod("members").invoke(descriptor);
    List<PersonalMember> members = new ArrayList<>(declared.size());
    Accessors accessors = null;
    for (Object member : declared) {
      if (accessors == null || accessors.type != member.getClass()) {
        accessors = new Accessors(member.getClass(), type);
      }
      members.add(accessors.member(member));
    }
    return List.copyOf(members);
  }

  /** The public methods of the application's {@code PersonalDataMember}, looked up once. */
  private static final class Accessors {
    final Class<?> type;
    private final Class<?> described;
    private final Method name;
    private final Method category;
    private final Method redaction;
    private final Method read;

    Accessors(Class<?> type, Class<?> described) throws NoSuchMethodException {
      this.type = type;
      this.described = described;
      this.name = type.getMethod("name");
      this.category = type.getMethod("category");
      this.redaction = type.getMethod("redaction");
      this.read = type.getMethod("read", Object.class);
    }

    PersonalMember member(Object member) throws ReflectiveOperationException {
      Enum<?> applicationRedaction = (Enum<?>) redaction.invoke(member);
      String memberName = (String) name.invoke(member);
      return new PersonalMember(
          memberName,
          (String) category.invoke(member),
          Redaction.valueOf(applicationRedaction.name()),
          instance -> read(member, memberName, instance));
    }

    private Object read(Object member, String memberName, Object instance) {
      try {
        return read.invoke(member, instance);
      } catch (IllegalAccessException e) {
        throw PersonalDataAccessException.notOpen(
            described, memberName, DescriptorMembers.class.getModule());
      } catch (InvocationTargetException e) {
        throw PersonalDataAccessException.accessorFailed(described, memberName, e.getCause());
      }
    }
  }
}
