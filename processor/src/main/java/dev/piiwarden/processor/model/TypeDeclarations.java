package dev.piiwarden.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * What a top-level class and its nested types declare for PII Warden.
 *
 * @param topLevel the top-level class: a fragment's unit and its only originating element
 * @param types the top-level class and its nested types, in declaration order
 * @param personalData every {@code @PersonalData} declaration, once each
 * @param dataSubjects every {@code @DataSubject} declaration, once each
 * @param consentRequired every {@code @ConsentRequired} on a type or method
 * @param processingActivities every {@code @ProcessingActivity} on a type or method
 * @param activityMethods the methods that are activities (annotated, or covered by their type's
 *     annotation: {@link TypeConsent})
 * @param unresolved the annotations with a value javac could not resolve (a misspelt constant),
 *     which javac reports; they are in none of the lists above
 */
public record TypeDeclarations(
    TypeElement topLevel,
    List<TypeElement> types,
    List<PersonalDataSite> personalData,
    List<AnnotatedSite> dataSubjects,
    List<AnnotatedSite> consentRequired,
    List<AnnotatedSite> processingActivities,
    List<ExecutableElement> activityMethods,
    List<AnnotatedSite> unresolved) {

  /** Whether there is anything to write to a fragment. */
  public boolean isEmpty() {
    return personalData.isEmpty() && activityMethods.isEmpty();
  }
}
