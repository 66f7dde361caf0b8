package dev.piiwarden.api;

/**
 * A member that can hold personal data, or the subject id that decides whose data an object is,
 * could not be read: a package its module does not open or export, a generated descriptor that
 * cannot be used, an accessor that failed, a class the JVM cannot load. An export or a rendering
 * that left it out would look complete, so it is an error.
 *
 * <p>Its message names classes, members, packages and modules and says what to change, never a
 * value, so it may be logged as it is. Its cause, an application's own exception (an accessor's),
 * may quote one.
 */
public final class PersonalDataAccessException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  PersonalDataAccessException(String message) {
    super(message);
  }

  PersonalDataAccessException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Member {@code member} of {@code type} may not be read by reflection from module {@code
   * reader}: its package is not open to it.
   */
  public static PersonalDataAccessException notOpen(Class<?> type, String member, Module reader) {
    String pkg = type.getPackageName();
    return new PersonalDataAccessException("PII Warden cannot read " + type.getName() + "." + member
        + ", which can hold personal data: open package " + pkg + " to " + name(reader) + " ("
        + directive("opens", pkg, reader) + "; or --add-opens " + name(type.getModule()) + "/" + pkg
        + "=" + name(reader) + ")");
  }

  /**
   * The generated descriptor {@code descriptor} of {@code type} may not be used from module {@code
   * reader}: its package is not exported to it.
   */
  public static PersonalDataAccessException notExported(
      Class<?> type, String descriptor, Module reader, Throwable cause) {
    String module = name(type.getModule());
    String pkg = type.getPackageName();
    return new PersonalDataAccessException("The PII Warden descriptor " + descriptor
        + " cannot be loaded: module " + module + " does not export package " + pkg + " to "
        + (reader.isNamed() ? reader.getName() : "the class path") + "; add '"
        + directive("exports", pkg, reader) + ";' to its module-info.java (or --add-exports "
        + module + "/" + pkg + "=" + name(reader) + "); if its classes refer to other objects, '"
        + directive("opens", pkg, reader) + ";' instead, as those are read by reflection", cause);
  }

  /**
   * The generated descriptor {@code descriptor} of {@code type} exists but cannot be used: {@code
   * cause}, named by its type, as a class built by another processor version gives.
   */
  public static PersonalDataAccessException unusable(
      Class<?> type, String descriptor, Throwable cause) {
    return new PersonalDataAccessException("The PII Warden descriptor " + descriptor
        + " cannot be used (" + cause.getClass().getName() + "): recompile " + type.getName()
        + " with the same piiwarden-processor version", cause);
  }

  /** The accessor {@code member} of {@code type} threw {@code failure}, whose message is left out. */
  public static PersonalDataAccessException accessorFailed(
      Class<?> type, String member, Throwable failure) {
    return new PersonalDataAccessException("The accessor " + type.getName() + "." + member
        + " threw " + failure.getClass().getName(), failure);
  }

  /** {@code exports p to m} for a named module; to the class path, only {@code exports p} can. */
  private static String directive(String verb, String pkg, Module reader) {
    return verb + " " + pkg + (reader.isNamed() ? " to " + reader.getName() : "");
  }

  private static String name(Module module) {
    return module.isNamed() ? module.getName() : "ALL-UNNAMED";
  }
}
