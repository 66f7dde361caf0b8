package dev.piiwarden.api;

import dev.piiwarden.api.spi.AgentObjectRenderer;
import dev.piiwarden.api.spi.ObjectRenderer;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What an application holds about a person, for the rights of access (GDPR Art. 15) and
 * portability (Art. 20), and a log-safe rendering of an object.
 *
 * <pre>{@code
 * List<PersonalDataExport.Entry> entries = PersonalDataExport.export(user, user.getLogins());
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
   * One personal data value with its declaration and the place of the object that holds it.
   *
   * @param type the binary name of the class of the object that holds it
   * @param member the member's name
   * @param category the data category key
   * @param purposes the purposes it was collected for
   * @param value the value itself
   * @param path where the object that holds it was found: {@code [i]} the i-th argument, then
   *     {@code .name} for the object a field (or, with {@code ()}, an accessor) refers to and
   *     {@code [i]} for the i-th element of a collection or array or the i-th value of a map; an
   *     {@code Optional} adds nothing. {@code [0]}, {@code [0].home}, {@code [1][2]}, {@code
   *     [0].logins[1]}. Entries of one object share it, so it tells apart objects of one class.
   */
  public record Entry(
      String type, String member, String category, List<String> purposes, Object value,
      String path) {
    /** An entry of an object whose place is not known: the path is empty. */
    public Entry(String type, String member, String category, List<String> purposes, Object value) {
      this(type, member, category, purposes, value, "");
    }
  }

  /**
   * Every {@link dev.piiwarden.annotations.PersonalData} member of the given objects and of the
   * objects they hold, with its category, value and the path to the object that holds it.
   *
   * <ul>
   *   <li>Members come from each class's generated descriptor, or, for a class compiled without the
   *       processor, by reflection over its annotations ({@link PersonalDataDescriptors}), so a
   *       class with personal data never exports as if it had none.
   *   <li>A collection, other {@code Iterable}, array, {@code Optional} or map (its values) is a
   *       container: its elements are exported, not the container, also inside one another.
   *   <li>Nested objects are followed: a field, annotated or not, whose declared type (or element
   *       type) has personal data members, or could refer to an object that has (an interface,
   *       {@code Object}, a class that is not final), is read and its object exported, and so on
   *       down. Fields of final types without personal data ({@code String}, numbers, dates) are
   *       not read.
   *   <li>Each object is exported once, at the first path it is met by, so a shared or cyclic
   *       object graph ends.
   *   <li>Only the arguments' own data subject: a nested object whose class has a {@link
   *       dev.piiwarden.annotations.DataSubject} member is another person's record unless its
   *       subject id ({@code toString()}) equals that of the argument it was reached from; it is
   *       then neither exported nor followed. An argument without such a member has no id to
   *       equal. The arguments, and the elements of containers among them, are always exported.
   * </ul>
   *
   * <p>The order is that of the arguments, depth first: an object's own members in declaration
   * order, superclasses' first, then the objects its fields and accessors refer to. Nulls and
   * objects without personal data contribute nothing.
   *
   * @throws PersonalDataAccessException when a member or a field that can hold personal data
   *     cannot be read (a generated descriptor that cannot be used, a package that its module does
   *     not open to reflection, an accessor that fails, a class naming a type missing from the
   *     class path), or when the subject id that decides whether a nested object is exported
   *     cannot be read: an export must not leave data out silently
   */
  public static List<Entry> export(Object... objects) {
    return new ExportWalk().run(objects);
  }

  /**
   * A log-safe rendering of {@code object}: its personal data redacted by each member's {@code
   * redaction}, other text scanned by the redaction engine. The engine is, in this order: one given
   * to {@link #install}; the agent's, when the agent runs in this JVM (found through its bootstrap
   * bridge, so piiwarden-annotations alone on the class path is enough, and the agent's options
   * apply); piiwarden-core's (found with {@link ServiceLoader} as an {@link ObjectRenderer}).
   * Without any, this throws {@link IllegalStateException} rather than return the raw values.
   *
   * <p>It never throws for the object itself: a member that cannot be read is written {@code
   * [REDACTION_FAILED]}. piiwarden-core's engine then says once on standard error, by the {@link
   * PersonalDataAccessException}'s message, what to change (the package to open, the class to
   * recompile); the agent reports it as its other contained failures.
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
