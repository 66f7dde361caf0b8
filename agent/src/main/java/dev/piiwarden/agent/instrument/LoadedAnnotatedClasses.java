package dev.piiwarden.agent.instrument;

import dev.piiwarden.agent.consent.ApplicationApi;
import dev.piiwarden.agent.report.AgentReport;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.annotation.AnnotationFormatError;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * On attach: retransforms the classes already loaded that carry {@code @ConsentRequired}, on the
 * type or on a method, or have a supertype that does (whose abstract methods may ask consent of
 * theirs, {@link InheritedConsent}), so that the registered transformer enforces them from now on. Found by
 * reflection; a class whose members reflection cannot resolve (a method's signature naming a class
 * of an optional dependency that is absent, which frameworks load without linking) is decided by
 * its class file, as the pre-filter decides ({@link Finding}).
 */
public final class LoadedAnnotatedClasses {
  private LoadedAnnotatedClasses() {}

  /** What is known of a loaded class and {@code @ConsentRequired}. */
  enum Finding {
    /** It carries the annotation: retransformed, and a failure leaves its checks unenforced. */
    CARRIES,
    /** It does not. */
    NONE,
    /**
     * Neither reflection nor its class file could tell: retransformed all the same (the
     * transformer reads the class file it is given), a failure said without claiming more.
     */
    UNKNOWN
  }

  /** Retransforms them; a class that cannot be retransformed is reported once and skipped. */
  public static void retransform(Instrumentation instrumentation) {
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    Map<ClassLoader, Class<? extends Annotation>> annotationByLoader = new HashMap<>();
    Map<Class<?>, Finding> candidates = new LinkedHashMap<>();
    Map<Class<?>, Finding> carriers = new HashMap<>();
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
      Finding finding = required == null ? Finding.NONE : find(type, required, carriers);
      if (finding != Finding.NONE) {
        candidates.put(type, finding);
      }
    }
    for (Map.Entry<Class<?>, Finding> candidate : candidates.entrySet()) {
      Class<?> type = candidate.getKey();
      try {
        instrumentation.retransformClasses(type);
      } catch (Throwable failure) {
        AgentReport.once("retransform:" + type.getName(), failed(type, candidate.getValue(), failure));
      }
    }
  }

  private static String failed(Class<?> type, Finding finding, Throwable failure) {
    String cause = " (" + AgentReport.describe(failure) + ")";
    return finding == Finding.CARRIES
        ? "could not instrument the loaded class " + type.getName() + cause
            + "; its consent checks are not enforced"
        : "could not retransform the loaded class " + type.getName() + cause
            + ", whose annotations neither reflection nor its class file could show; if it carries"
            + " @ConsentRequired, its consent checks are not enforced until the JVM starts with the agent";
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

  /**
   * Whether {@code type} carries {@code required} or has a supertype that does (whose abstract
   * methods may ask consent of the methods {@code type} implements, {@link InheritedConsent}: the
   * transformer decides from the class files).
   *
   * @param carriers what is known of the classes seen so far, filled as it goes, so that each is
   *     reflected on once
   */
  static Finding find(Class<?> type, Class<? extends Annotation> required,
      Map<Class<?>, Finding> carriers) {
    Finding own = carriers.computeIfAbsent(type, t -> find(t, required));
    if (own != Finding.NONE) {
      return own;
    }
    Deque<Class<?>> supertypes = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    supertypes.add(type);
    while (!supertypes.isEmpty()) {
      Class<?> next = supertypes.poll();
      List<Class<?>> direct = new ArrayList<>(List.of(next.getInterfaces()));
      if (next.getSuperclass() != null) {
        direct.add(next.getSuperclass());
      }
      for (Class<?> supertype : direct) {
        if (supertype.getClassLoader() == null
            || !InheritedConsent.mayPassOn(supertype.getName().replace('.', '/'))
            || !seen.add(supertype)) {
          continue;
        }
        if (carriers.computeIfAbsent(supertype, t -> find(t, required)) == Finding.CARRIES) {
          return Finding.CARRIES;
        }
        supertypes.add(supertype);
      }
    }
    return Finding.NONE;
  }

  /** Whether {@code type} carries {@code required}: by reflection, else by its class file. */
  static Finding find(Class<?> type, Class<? extends Annotation> required) {
    try {
      if (type.isAnnotationPresent(required)) {
        return Finding.CARRIES;
      }
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(required)) {
          return Finding.CARRIES;
        }
      }
      return Finding.NONE;
    } catch (LinkageError | RuntimeException | AnnotationFormatError unresolvable) {
      // A member's type that cannot be resolved (NoClassDefFoundError): the class file decides.
      return byClassFile(type);
    }
  }

  /**
   * Whether the class file its loader gives for {@code type} names {@code @ConsentRequired}, as
   * the pre-filter asks of each class it is given; {@link Finding#UNKNOWN} without one.
   */
  private static Finding byClassFile(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
      if (in == null) {
        return Finding.UNKNOWN;
      }
      return ConsentCandidateTransformer.namesConsentRequired(in.readAllBytes())
          ? Finding.CARRIES
          : Finding.NONE;
    } catch (IOException | RuntimeException unreadable) {
      return Finding.UNKNOWN;
    }
  }
}
