package dev.piiwarden.agent.instrument;

import dev.piiwarden.agent.consent.ApplicationApi;
import dev.piiwarden.agent.inventory.FragmentCatalogue;
import dev.piiwarden.agent.report.AgentReport;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;

/**
 * The one transformer registered at {@code premain}: a byte search, no class-file parsing and no
 * Byte Buddy. A class is handed to the instrumenter only when its class file names {@code
 * @ConsentRequired} (the annotation's descriptor is in its constant pool); the instrumenter is
 * built the first time that happens. Loading the application's PII Warden API ({@code
 * dev.piiwarden.api.*}) activates the bridge, so that {@code Consents} finds the agent's ledger
 * even before any annotated class is loaded. A JVM that never loads either pays for neither. Only
 * with {@code piiwarden.audit.access=all} is a class with an inventory fragment a candidate too.
 *
 * <p>Classes loaded while the instrumenter is being built are the agent's own or the JDK's, which
 * the name filter passes over; a call on the same thread during that build is let through
 * untransformed rather than waiting on itself.
 */
public final class ConsentCandidateTransformer implements ClassFileTransformer {
  private final byte[] annotationDescriptor =
      ("L" + ApplicationApi.CONSENT_REQUIRED.replace('.', '/') + ";")
          .getBytes(StandardCharsets.US_ASCII);
  private final String apiPackage = ApplicationApi.PRIVACY_CONTEXT
      .substring(0, ApplicationApi.PRIVACY_CONTEXT.lastIndexOf('.') + 1)
      .replace('.', '/');
  private final ClassLoader platformLoader = ClassLoader.getPlatformClassLoader();
  private final Activation activation;
  private final FragmentCatalogue fragments;
  private final ThreadLocal<Boolean> inside = new ThreadLocal<>();

  /** What the first candidates set going; both calls are idempotent and thread-safe. */
  public interface Activation {
    /** Puts the bridge in place (at most once); never throws. */
    void bridge();

    /** Builds the instrumenter (at most once); null when it cannot be built. */
    ClassFileTransformer instrumenter();
  }

  /** @param activation builds the bridge and the instrumenter when first needed */
  public ConsentCandidateTransformer(Activation activation) {
    this(activation, null);
  }

  /**
   * @param activation builds the bridge and the instrumenter when first needed
   * @param fragments with {@code piiwarden.audit.access=all}: a class that does not name {@code
   *     @ConsentRequired} is a candidate too when its top-level class has an inventory fragment
   *     (one resource lookup per top-level class and loader); null otherwise
   */
  public ConsentCandidateTransformer(Activation activation, FragmentCatalogue fragments) {
    this.activation = activation;
    this.fragments = fragments;
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
    boolean api = className.startsWith(apiPackage);
    boolean annotated = !api && contains(classFile, annotationDescriptor);
    if (!api && !annotated && fragments == null) {
      return null;
    }
    inside.set(Boolean.TRUE);
    try {
      if (!api && !annotated && !fragments.hasFragment(loader, className)) {
        return null;
      }
      activation.bridge();
      if (api) {
        return null;
      }
      ClassFileTransformer transformer = activation.instrumenter();
      return transformer == null
          ? null
          : transformer.transform(module, loader, className, classBeingRedefined, domain, classFile);
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
