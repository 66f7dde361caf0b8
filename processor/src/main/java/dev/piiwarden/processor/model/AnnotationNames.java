package dev.piiwarden.processor.model;

import dev.piiwarden.annotations.ConsentRequired;
import dev.piiwarden.annotations.DataSubject;
import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.annotations.ProcessingActivity;
import java.util.Set;

/** The canonical names of the annotations the processor reads. */
public final class AnnotationNames {
  public static final String PERSONAL_DATA = PersonalData.class.getCanonicalName();
  public static final String DATA_SUBJECT = DataSubject.class.getCanonicalName();
  public static final String CONSENT_REQUIRED = ConsentRequired.class.getCanonicalName();
  public static final String PROCESSING_ACTIVITY = ProcessingActivity.class.getCanonicalName();

  private AnnotationNames() {}

  /** All of them. */
  public static Set<String> all() {
    return Set.of(PERSONAL_DATA, DATA_SUBJECT, CONSENT_REQUIRED, PROCESSING_ACTIVITY);
  }
}
