package dev.piiwarden.agent.instrument;

import org.objectweb.asm.Opcodes;

/**
 * Which methods a type's {@code @ConsentRequired} covers: its public methods, but for those that
 * process no personal data for a purpose and that collections, logging and the language call on
 * any object. {@code toString()}, {@code equals(Object)} and {@code hashCode()} (a {@code HashSet},
 * a log line or string concatenation must not need a subject; an annotated object's log rendering
 * is redacted anyway) and an enum's {@code values()} and {@code valueOf(String)}, which javac
 * generates and calls from the class a {@code switch} on the enum compiles to: denied there, a
 * switch would fail for the rest of the JVM's life. A method's own annotation still applies to
 * any of them.
 */
final class TypeConsent {
  private TypeConsent() {}

  /**
   * @param classAccess the class's access flags ({@code ACC_ENUM} for an enum)
   * @param owner the class's internal name
   * @param access the method's access flags
   */
  static boolean covers(int classAccess, String owner, int access, String name, String descriptor) {
    if ((access & Opcodes.ACC_PUBLIC) == 0) {
      return false;
    }
    switch (name) {
      case "toString":
        return !descriptor.equals("()Ljava/lang/String;");
      case "hashCode":
        return !descriptor.equals("()I");
      case "equals":
        return !descriptor.equals("(Ljava/lang/Object;)Z");
      case "values":
        return !isEnum(classAccess, access) || !descriptor.equals("()[L" + owner + ";");
      case "valueOf":
        return !isEnum(classAccess, access)
            || !descriptor.equals("(Ljava/lang/String;)L" + owner + ";");
      default:
        return true;
    }
  }

  private static boolean isEnum(int classAccess, int access) {
    return (classAccess & Opcodes.ACC_ENUM) != 0 && (access & Opcodes.ACC_STATIC) != 0;
  }
}
