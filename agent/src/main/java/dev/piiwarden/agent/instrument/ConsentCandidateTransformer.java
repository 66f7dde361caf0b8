package dev.piiwarden.agent.instrument;

import dev.piiwarden.agent.consent.ApplicationApi;
import dev.piiwarden.agent.inventory.FragmentCatalogue;
import dev.piiwarden.agent.report.AgentReport;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.Map;

/**
 * The one transformer registered at {@code premain}: a walk over the constant pool, no class-file
 * parsing beyond it and no Byte Buddy. A class is handed to the instrumenter only when its class
 * file names {@code @ConsentRequired} (the annotation's descriptor is in its constant pool), or it
 * implements an abstract method a supertype requires consent for ({@link InheritedConsent}); the
 * instrumenter is built the first time that happens. Loading the application's PII Warden API
 * ({@code dev.piiwarden.api.*}) activates the bridge, so that {@code Consents} finds the agent's
 * ledger even before any annotated class is loaded. A JVM that never loads either pays for
 * neither. Only with {@code piiwarden.audit.access=all} is a class with an inventory fragment a
 * candidate too. The named module a class loads from is handed to {@link NamedModuleAccess}.
 *
 * <p>Classes loaded while the instrumenter is being built are the agent's own or the JDK's, which
 * the name filter passes over; a call on the same thread during that build is let through
 * untransformed rather than waiting on itself.
 */
public final class ConsentCandidateTransformer implements ClassFileTransformer {
  private static final byte[] ANNOTATION_DESCRIPTOR =
      ("L" + ApplicationApi.CONSENT_REQUIRED.replace('.', '/') + ";")
          .getBytes(StandardCharsets.US_ASCII);
  private final String apiPackage = ApplicationApi.PRIVACY_CONTEXT
      .substring(0, ApplicationApi.PRIVACY_CONTEXT.lastIndexOf('.') + 1)
      .replace('.', '/');
  private final ClassLoader platformLoader = ClassLoader.getPlatformClassLoader();
  private final Activation activation;
  private final FragmentCatalogue fragments;
  private final NamedModuleAccess modules;
  private final ThreadLocal<Boolean> inside = new ThreadLocal<>();
  private final InheritedConsent inheritance = new InheritedConsent(ANNOTATION_DESCRIPTOR);

  /** What the first candidates set going; both calls are idempotent and thread-safe. */
  public interface Activation {
    /** Puts the bridge in place (at most once); never throws. */
    void bridge();

    /** Builds the instrumenter (at most once); null when it cannot be built. */
    ConsentClassTransformer instrumenter();
  }

  /**
   * @param activation builds the bridge and the instrumenter when first needed
   * @param fragments with {@code piiwarden.audit.access=all}: a class that does not name {@code
   *     @ConsentRequired} is a candidate too when its top-level class has an inventory fragment
   *     (one resource lookup per top-level class and loader); null otherwise
   * @param modules opens the packages of the named modules classes load from
   */
  public ConsentCandidateTransformer(
      Activation activation, FragmentCatalogue fragments, NamedModuleAccess modules) {
    this.activation = activation;
    this.fragments = fragments;
    this.modules = modules;
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain domain,
      byte[] classFile) {
    if (loader == null
        || loader == platformLoader
        || className == null
        || IgnoredTypes.byInternalName(className)
        || inside.get() != null) {
      return null;
    }
    if (module != null && module.isNamed()) {
      modules.accept(module);
    }
    boolean api = className.startsWith(apiPackage);
    ClassHeader header = api ? null : ClassHeader.read(classFile, ANNOTATION_DESCRIPTOR);
    boolean annotated = !api && header.namesDescriptor();
    Map<String, InheritedConsent.Requirement> inherited = InheritedConsent.NONE;
    if (!api && (annotated || InheritedConsent.mayInherit(header))) {
      inherited = inherited(loader, className, header, classFile);
    }
    if (!api && !annotated && inherited.isEmpty() && fragments == null) {
      return null;
    }
    inside.set(Boolean.TRUE);
    try {
      if (!api && !annotated && inherited.isEmpty() && !fragments.hasFragment(loader, className)) {
        return null;
      }
      activation.bridge();
      if (api) {
        return null;
      }
      ConsentClassTransformer transformer = activation.instrumenter();
      return transformer == null ? null : transformer.transform(loader, className, classFile, inherited);
    } catch (Throwable failure) {
      AgentReport.once(
          "candidate:" + failure.getClass().getName(),
          "could not instrument "
              + className.replace('/', '.')
              + " ("
              + AgentReport.describe(failure)
              + "); its consent checks are not enforced");
      return null;
    } finally {
      inside.remove();
    }
  }

  /** {@link InheritedConsent#enforcedIn}; a failure is reported once and leaves the class to its own annotations. */
  private Map<String, InheritedConsent.Requirement> inherited(ClassLoader loader, String className,
      ClassHeader header, byte[] classFile) {
    try {
      return inheritance.enforcedIn(loader, className, header, classFile);
    } catch (Throwable failure) {
      AgentReport.once(
          "inherited:" + failure.getClass().getName(),
          "could not tell which methods of " + className.replace('/', '.')
              + " implement an abstract @ConsentRequired method ("
              + AgentReport.describe(failure)
              + "); such methods of it are not checked");
      return InheritedConsent.NONE;
    }
  }

  /** Whether the class file names {@code @ConsentRequired}, as a class annotated with it does. */
  static boolean namesConsentRequired(byte[] classFile) {
    return namesType(classFile, ANNOTATION_DESCRIPTOR);
  }

  /**
   * Whether the class file's constant pool holds {@code descriptor} as a string of its own, as it
   * does for a class annotated with that type ({@link ClassHeader}: a walk over the pool that
   * compares only the strings of the descriptor's length, where a byte-by-byte search of every
   * class file loaded was the agent's largest cost for an application with thousands of classes).
   * A pool it cannot walk (an unknown entry, a truncated file) is searched byte by byte instead.
   */
  static boolean namesType(byte[] classFile, byte[] descriptor) {
    return ClassHeader.read(classFile, descriptor).namesDescriptor();
  }

  /** Whether {@code text} occurs in {@code bytes}: a first-byte scan, then a compare. */
  static boolean contains(byte[] bytes, byte[] text) {
    byte first = text[0];
    int last = bytes.length - text.length;
    outer:
    for (int i = 0; i <= last; i++) {
      if (bytes[i] != first) {
        continue;
      }
      for (int j = 1; j < text.length; j++) {
        if (bytes[i + j] != text[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
