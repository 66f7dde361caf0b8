package dev.piiwarden.agent.audit;

import dev.piiwarden.agent.consent.ApplicationApi;
import dev.piiwarden.core.audit.ConsentChangeEvents;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The actor of the current thread, from the application's {@code PrivacyContext.currentActor()}
 * as the instrumented class's own loader sees it (the agent never links to the application's API
 * classes by type), redacted: an actor is often a login that is an e-mail address, and the trail
 * holds no raw personal data. Actors are few, so their redacted forms are kept, and a decision
 * does not pay for a redaction each time.
 */
final class ActorLookup {
  private static final MethodHandle NONE = MethodHandles.constant(Object.class, Optional.empty());

  private final ClassValue<MethodHandle> actors =
      new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
          return currentActor(type);
        }
      };

  /** Past this many distinct actors the kept redactions are dropped and made again. */
  private static final int MAX_KEPT = 1024;

  private final ConcurrentHashMap<String, String> redacted = new ConcurrentHashMap<>();

  /**
   * The actor, redacted, or null when none is set or the application has no {@code
   * PrivacyContext}.
   */
  String actorFor(Class<?> declaringType) throws Throwable {
    Optional<?> actor = (Optional<?>) actors.get(declaringType).invoke();
    return actor.isEmpty() ? null : redacted(String.valueOf(actor.get()));
  }

  private String redacted(String actor) {
    String known = redacted.get(actor);
    if (known != null) {
      return known;
    }
    if (redacted.size() >= MAX_KEPT) {
      redacted.clear();
    }
    String masked = ConsentChangeEvents.redacted(actor);
    redacted.put(actor, masked);
    return masked;
  }

  /**
   * The actor as the current thread's context loader sees {@code PrivacyContext}: for calls into
   * the agent that come with no application class (a grant through {@code Consents}).
   */
  String actorOfThisThread() throws Throwable {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Class<?> context;
    try {
      context = Class.forName(ApplicationApi.PRIVACY_CONTEXT, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null; // no PrivacyContext visible from this thread: no actor to give
    }
    return actorFor(context);
  }

  private static MethodHandle currentActor(Class<?> declaringType) {
    try {
      Class<?> context =
          Class.forName(ApplicationApi.PRIVACY_CONTEXT, false, declaringType.getClassLoader());
      return MethodHandles.publicLookup()
          .findStatic(context, "currentActor", MethodType.methodType(Optional.class))
          .asType(MethodType.methodType(Object.class));
    } catch (ReflectiveOperationException | LinkageError e) {
      return NONE; // an application without PII Warden's API on its path has no actor to give
    }
  }
}
