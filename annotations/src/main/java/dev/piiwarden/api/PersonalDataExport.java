package dev.piiwarden.api;

import dev.piiwarden.api.spi.AgentObjectRenderer;
import dev.piiwarden.api.spi.ObjectRenderer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What an application holds about a person, for the rights of access (GDPR Art. 15) and
 * portability (Art. 20).
 *
 * <pre>{@code
 * List<PersonalDataExport.Entry> entries = PersonalDataExport.export(user, address);
 * }</pre>
 */
public final class PersonalDataExport {
  /** How often {@code redact} looks for an agent attached after core's renderer was chosen. */
  private static final long AGENT_PROBE_INTERVAL_NANOS = 1_000_000_000L;

  /** Given to {@link #install}, or the agent's: kept for good. */
  private static volatile ObjectRenderer installed;

  /** piiwarden-core's, found with {@link ServiceLoader}: used until an agent shows up. */
  private static volatile ObjectRenderer fallback;

  private static volatile long lastAgentProbe;

  private PersonalDataExport() {}

  /**
   * One personal data value with its declaration.
   *
   * @param type the binary name of the class that holds it
   * @param member the member's name
   * @param category the data category key
   * @param purposes the purposes it was collected for
   * @param value the value itself
   */
  public record Entry(
      String type, String member, String category, List<String> purposes, Object value) {}

  /**
   * Every {@link dev.piiwarden.annotations.PersonalData} member of the given objects with its
   * category and value, in the order of the objects and of their declarations. Objects without
   * personal data members contribute nothing; nulls are skipped.
   */
  public static List<Entry> export(Object... objects) {
    List<Entry> entries = new ArrayList<>();
    for (Object object : objects) {
      if (object == null) {
        continue;
      }
      for (PersonalDataMember<Object> member : PersonalDataDescriptors.membersOf(object.getClass())) {
        entries.add(
            new Entry(
                object.getClass().getName(),
                member.name(),
                member.category(),
                member.purposes(),
                member.read(object)));
      }
    }
    return entries;
  }

  /**
   * A log-safe rendering of {@code object}: its personal data redacted by each member's {@code
   * redaction}, other text scanned by the redaction engine. The engine is, in this order: one given
   * to {@link #install}; the agent's, when the agent runs in this JVM (found through its bootstrap
   * bridge, so piiwarden-annotations alone on the class path is enough, and the agent's options
   * apply); piiwarden-core's (found with {@link ServiceLoader} as an {@link ObjectRenderer}).
   * Without any, this throws {@link IllegalStateException} rather than return the raw values.
   */
  public static String redact(Object object) {
    Objects.requireNonNull(object, "object");
    return renderer().render(object);
  }

  /** Installs the renderer that {@link #redact} uses from now on, in place of any other. */
  public static void install(ObjectRenderer renderer) {
    installed = renderer;
  }

  /**
   * The renderer to use: one installed or the agent's; otherwise core's, after looking for an
   * agent attached since (at most once a second).
   */
  private static ObjectRenderer renderer() {
    ObjectRenderer renderer = installed;
    if (renderer != null) {
      return renderer;
    }
    ObjectRenderer configured = fallback;
    long now = System.nanoTime();
    if (configured == null || now - lastAgentProbe >= AGENT_PROBE_INTERVAL_NANOS) {
      lastAgentProbe = now;
      Optional<ObjectRenderer> agent = AgentObjectRenderer.find();
      if (agent.isPresent()) {
        installed = agent.get();
        return installed;
      }
    }
    if (configured != null) {
      return configured;
    }
    synchronized (PersonalDataExport.class) {
      if (fallback == null) {
        Iterator<ObjectRenderer> found =
            ServiceLoader.load(ObjectRenderer.class, PersonalDataExport.class.getClassLoader()).iterator();
        if (!found.hasNext()) {
          throw new IllegalStateException(
              "PII Warden's redaction engine is not available: start the JVM with"
                  + " -javaagent:piiwarden-agent.jar or put piiwarden-core on the class path");
        }
        fallback = found.next();
      }
      return fallback;
    }
  }
}
