package dev.piiwarden.agent.instrument;

import dev.piiwarden.agent.consent.ApplicationApi;
import dev.piiwarden.agent.report.AgentReport;
import java.lang.annotation.Annotation;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * On attach: retransforms the classes already loaded that carry {@code @ConsentRequired}, on the
 * type or on a method, so that the registered transformer enforces them from now on.
 */
public final class LoadedAnnotatedClasses {
  private LoadedAnnotatedClasses() {}

  /** Retransforms them; a class that cannot be retransformed is reported once and skipped. */
  public static void retransform(Instrumentation instrumentation) {
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    Map<ClassLoader, Class<? extends Annotation>> annotationByLoader = new HashMap<>();
    List<Class<?>> annotated = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      ClassLoader loader = type.getClassLoader();
      if (loader == null
          || loader == platform
          || type.isArray()
          || IgnoredTypes.byInternalName(type.getName().replace('.', '/'))
          || !instrumentation.isModifiableClass(type)) {
        continue;
      }
      Class<? extends Annotation> required =
          annotationByLoader.computeIfAbsent(loader, LoadedAnnotatedClasses::consentRequired);
      if (required != null && carries(type, required)) {
        annotated.add(type);
      }
    }
    for (Class<?> type : annotated) {
      try {
        instrumentation.retransformClasses(type);
      } catch (Throwable failure) {
        AgentReport.once(
            "retransform:" + type.getName(),
            "could not instrument the loaded class "
                + type.getName()
                + " ("
                + AgentReport.describe(failure)
                + "); its consent checks are not enforced");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Annotation> consentRequired(ClassLoader loader) {
    try {
      return (Class<? extends Annotation>)
          Class.forName(ApplicationApi.CONSENT_REQUIRED, false, loader);
    } catch (ClassNotFoundException | LinkageError | ClassCastException notVisible) {
      return null;
    }
  }

  private static boolean carries(Class<?> type, Class<? extends Annotation> required) {
    try {
      if (type.isAnnotationPresent(required)) {
        return true;
      }
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(required)) {
          return true;
        }
      }
      return false;
    } catch (Throwable unresolvable) {
      // A member type that cannot be resolved: let the transformer read the class file.
      return true;
    }
  }
}
