package dev.piiwarden.agent.consent;

import java.util.List;

/**
 * What one audited (not enforced) activity method needs for its {@code access} events ({@code
 * piiwarden.audit.access=all}), from its inventory fragment, worked out once when its class is
 * transformed.
 *
 * @param activity the activity id, {@code com.acme.Billing#send(java.lang.String)}
 * @param purposes the activity's declared purposes
 * @param subjectParameter the parameter the subject comes from ({@code PARAMETER n}), or -1 for the
 *     privacy context
 * @param subjectMember whether the subject is that parameter's {@code @DataSubject} member ({@code
 *     PARAMETER n FIELD x}) rather than the parameter itself
 * @param resumption for a Kotlin suspend function, how its resumptions are told from its calls;
 *     else null
 */
public record AccessRule(
    String activity,
    List<String> purposes,
    int subjectParameter,
    boolean subjectMember,
    SuspendResumption resumption) {

  /** The rule, a suspend function's resumption test found from {@code activity}. */
  public AccessRule(String activity, List<String> purposes, int subjectParameter, boolean subjectMember) {
    this(activity, purposes, subjectParameter, subjectMember, SuspendResumption.of(activity));
  }

  /** Whether this entry of the method is a suspend function resuming: recorded at its first entry. */
  boolean resumes(Class<?> declaringType, Object[] arguments) {
    return resumption != null && resumption.resumes(declaringType, arguments);
  }

  /** The rule for {@code subjectFrom} as the fragment gives it ({@code CONTEXT} or null: context). */
  public static AccessRule of(String activity, List<String> purposes, String subjectFrom) {
    int parameter = -1;
    boolean member = false;
    if (subjectFrom != null && subjectFrom.startsWith("PARAMETER ")) {
      String[] parts = subjectFrom.split(" ");
      try {
        parameter = Integer.parseInt(parts[1]);
        member = parts.length > 2;
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException unknown) {
        parameter = -1;
      }
    }
    return new AccessRule(activity, List.copyOf(purposes), parameter, member);
  }
}
