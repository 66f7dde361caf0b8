package dev.piiwarden.core.redaction;

/**
 * The names of the application's PII Warden types that object rendering looks up by name in the
 * rendered object's class loader, never through core's own imports.
 *
 * <p>Why by name: the agent carries core with {@code dev.piiwarden.annotations} and {@code
 * dev.piiwarden.api} relocated, so the classes core links against are the agent's copies, not the
 * ones the application's classes are annotated with or whose descriptors they implement. The
 * maven-shade-plugin also rewrites string constants that look like relocated class names, so the
 * names are assembled at run time from parts it does not match (checked on the agent jar with
 * {@code javap -v}; {@code ObjectRedactionTest} checks them against the real classes).
 */
final class ApplicationApiNames {
  /** {@code dev.piiwarden.annotations.PersonalData}. */
  static final String PERSONAL_DATA = dotted("dev:piiwarden:annotations:PersonalData");
  /** {@code dev.piiwarden.annotations.DataSubject}. */
  static final String DATA_SUBJECT = dotted("dev:piiwarden:annotations:DataSubject");
  /** {@code dev.piiwarden.api.PersonalDataDescriptor}, the interface descriptors implement. */
  static final String DESCRIPTOR = dotted("dev:piiwarden:api:PersonalDataDescriptor");
  /** What the processor appends to a class's name for its descriptor. */
  static final String DESCRIPTOR_SUFFIX = "_PiiWardenDescriptor";

  private ApplicationApiNames() {}

  /** The descriptor class name for a class's binary name ({@code a.B$C} gives {@code a.B_C_…}). */
  static String descriptorOf(String binaryName) {
    int lastDot = binaryName.lastIndexOf('.');
    return binaryName.substring(0, lastDot + 1)
        + binaryName.substring(lastDot + 1).replace('$', '_')
        + DESCRIPTOR_SUFFIX;
  }

  private static String dotted(String parts) {
    return parts.replace(':', '.');
  }
}
