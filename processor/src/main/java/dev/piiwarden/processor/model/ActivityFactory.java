package dev.piiwarden.processor.model;

import dev.piiwarden.annotations.ConsentRequired;
import dev.piiwarden.annotations.ProcessingActivity;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.ConsentRequirement;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Turns a method that carries {@code @ConsentRequired} or {@code @ProcessingActivity} (itself or
 * through its type), or that implements an abstract method requiring consent ({@link
 * ConsentInheritance}), into the inventory's {@link Activity}. A method's annotation wins over its
 * type's (which does not apply to the methods {@link TypeConsent} exempts), and both over one it
 * inherits. Its {@code subjectFrom} is the parameter that gives the data subject, whether or not it
 * requires consent; without one, {@code CONTEXT} with consent and null without. Reads, calls and
 * sinks stay empty here: method-body analysis fills them.
 */
public final class ActivityFactory {
  private final RuntimeTypeNames names;
  private final SubjectResolver subjects;
  private final ConsentInheritance inheritance;

  public ActivityFactory(RuntimeTypeNames names, SubjectResolver subjects, ConsentInheritance inheritance) {
    this.names = names;
    this.subjects = subjects;
    this.inheritance = inheritance;
  }

  /** Whether {@code method} has no consent requirement of its own or its type's, but implements one. */
  public boolean inheritsConsent(ExecutableElement method) {
    return effective(method, (TypeElement) method.getEnclosingElement(), ConsentRequired.class) == null
        && inheritance.implemented(method).isPresent();
  }

  /** The activity of {@code method}. */
  public Activity create(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    ProcessingActivity activity = effective(method, owner, ProcessingActivity.class);
    ConsentRequired consent = effective(method, owner, ConsentRequired.class);
    ExecutableElement implemented = consent == null ? inheritance.implemented(method).orElse(null) : null;
    if (implemented != null) {
      consent = ConsentInheritance.requirementOf(implemented);
    }
    List<String> purposes = new ArrayList<>();
    if (activity != null) {
      purposes.addAll(List.of(activity.purposes()));
    }
    ConsentRequirement requirement = null;
    // every activity names its subject when a parameter gives it, so that access events carry it;
    // only a consent-gated one falls back to CONTEXT, as consent must be asked for someone
    String subjectFrom = subjects.fromParameters(method, implemented).orElse(null);
    if (consent != null) {
      purposes.addAll(List.of(consent.value()));
      requirement = new ConsentRequirement(List.of(consent.value()), consent.onDenied());
      subjectFrom = subjectFrom == null ? SubjectResolver.CONTEXT : subjectFrom;
    }
    String type = names.binaryName(owner);
    String signature = names.signature(method);
    return new Activity(
        type + "#" + signature,
        type,
        signature,
        activity == null ? null : activity.name(),
        purposes,
        requirement,
        subjectFrom,
        List.of(),
        List.of(),
        List.of());
  }

  /**
   * The method's own annotation, else its type's unless that never covers the method ({@link
   * TypeConsent#exempt}: {@code toString}, an enum's {@code valueOf}). A non-public method that
   * reads personal data keeps its type's purposes and consent, as before: it works for the public
   * ones, and PW016/PW017 judge its reads by them.
   */
  private static <A extends java.lang.annotation.Annotation> A effective(
      ExecutableElement method, TypeElement owner, Class<A> annotation) {
    A own = UnresolvedValues.resolved(method, annotation);
    return own != null || TypeConsent.exempt(method) ? own : UnresolvedValues.resolved(owner, annotation);
  }
}
