package dev.piiwarden.agent.consent;

import java.util.List;

/**
 * What one {@code @ConsentRequired} method needs, worked out once when its class is transformed.
 *
 * @param activity the activity id, {@code com.acme.Newsletter#send(com.acme.User)}
 * @param purposes the purposes that must all be granted
 * @param skip whether a denial skips the body ({@code OnDenied.SKIP}) rather than throwing
 * @param subjectParameter the index of the {@code @DataSubject} parameter, or -1
 * @param skipValue what a skipped call returns, from {@link SkipDefaults#forReturnType}: see {@link
 *     SkipDefaults#value}
 * @param resumption for a Kotlin suspend function, how its resumptions are told from its calls;
 *     else null
 */
public record ConsentRule(
    String activity,
    List<String> purposes,
    boolean skip,
    int subjectParameter,
    Object skipValue,
    SuspendResumption resumption) {

  /** The rule, a suspend function's resumption test found from {@code activity}. */
  public ConsentRule(
      String activity, List<String> purposes, boolean skip, int subjectParameter, Object skipValue) {
    this(activity, purposes, skip, subjectParameter, skipValue, SuspendResumption.of(activity));
  }

  /** Whether this entry of the method is a suspend function resuming: decided at its first entry. */
  boolean resumes(Class<?> declaringType, Object[] arguments) {
    return resumption != null && resumption.resumes(declaringType, arguments);
  }
}
