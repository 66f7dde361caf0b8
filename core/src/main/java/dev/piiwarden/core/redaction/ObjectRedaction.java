package dev.piiwarden.core.redaction;

import dev.piiwarden.annotations.Redaction;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A log-safe rendering of objects, whatever their {@code toString} does.
 *
 * <ul>
 *   <li>An object whose class declares {@code @PersonalData} members (generated descriptors, or
 *       reflection for classes compiled without the processor) becomes {@code
 *       SimpleName{member=…, …}} with only those members, each by its {@code redaction}: MASK
 *       {@code [REDACTED:<category>]}, HASH {@code [<category>:<16 hex>]} (HMAC of the stripped,
 *       lower-cased value with the redactor's key), PARTIAL all but the last four characters as
 *       {@code *}, OMIT left out. A member marked {@code @DataSubject} and not {@code
 *       @PersonalData}, the internal id of the person the object is about, comes first, as it is
 *       (through the text redactor, as any value): the id a log should carry in place of the
 *       data. Its other members are left out: they are not known to be safe, and reading them
 *       would mean reflection on every class.
 *   <li>A record becomes {@code SimpleName{component=…, …}} with every component: annotated ones
 *       by their redaction, the others rendered by these rules (a record's components are its
 *       public state, so listing them costs no guessing).
 *   <li>Collections {@code [a, b]}, arrays {@code [a, b]}, maps {@code {k=v}} and {@code
 *       Optional[x]} are rendered element by element, recursively.
 *   <li>Anything else, strings and numbers included, is {@code String.valueOf} passed through the
 *       text {@link Redactor}.
 * </ul>
 *
 * <p>Nesting deeper than {@value #MAX_DEPTH} levels renders as {@code ...}; an object met again
 * inside itself renders as {@code <cycle>}. {@link #render} never throws: an element or member that
 * cannot be read or rendered becomes {@code [REDACTION_FAILED]}, counted as a failure of the
 * redactor; so does the whole rendering on an unexpected error.
 */
public final class ObjectRedaction {
  /** How deep containers and objects are followed. */
  public static final int MAX_DEPTH = 8;

  private final Redactor redactor;

  /** Renders with {@code redactor} for free text, hash keys and counts. */
  public ObjectRedaction(Redactor redactor) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  /** The log-safe rendering of {@code value}; never throws. */
  public String render(Object value) {
    try {
      StringBuilder out = new StringBuilder();
      new Rendering(out).render(value, 0);
      return out.toString();
    } catch (Throwable failure) {
      return redactor.fail("object", failure);
    }
  }

  /**
   * The {@code @PersonalData} members of {@code value}'s own class, by name, each with its value as
   * {@link #render} shows it (MASK, HASH, PARTIAL); an OMIT member maps to null. Empty when the
   * class has none. For a writer that keeps an object's structure (a JSON encoder writing its
   * fields) and puts these in place of the members' values. Never throws: a member that cannot be
   * read shows as {@code [REDACTION_FAILED]}.
   */
  public Map<String, String> renderedMembers(Object value) {
    List<PersonalMember> members;
    try {
      members = value == null || isPlain(value) ? List.of() : PersonalMembers.of(value.getClass());
    } catch (RuntimeException e) {
      redactor.fail("object", e);
      return Map.of();
    }
    Map<String, String> rendered = new LinkedHashMap<>();
    for (PersonalMember member : members) {
      if (member.redaction() == Redaction.OMIT) {
        redactor.countAnnotated();
        rendered.put(member.name(), null);
        continue;
      }
      StringBuilder out = new StringBuilder();
      new Rendering(out).member(value, member, 0);
      rendered.put(member.name(), out.toString());
    }
    return rendered;
  }

  /**
   * Whether {@code value} is, or holds in a collection, array, map, {@code Optional} or record
   * component ({@value #MAX_DEPTH} levels deep at most), an object whose class has {@code
   * @PersonalData} members. Never throws: what cannot be looked into counts as holding some.
   */
  public boolean holdsPersonalMembers(Object value) {
    try {
      return holds(value, 0, new IdentityHashMap<>());
    } catch (RuntimeException | ReflectiveOperationException e) {
      return true;
    }
  }

  private static boolean holds(Object value, int depth, IdentityHashMap<Object, Boolean> seen)
      throws ReflectiveOperationException {
    if (value == null || isPlain(value) || depth >= MAX_DEPTH || seen.put(value, Boolean.TRUE) != null) {
      return false;
    }
    if (value instanceof Optional) {
      return holds(((Optional<?>) value).orElse(null), depth + 1, seen);
    }
    if (value instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (holds(entry.getKey(), depth + 1, seen) || holds(entry.getValue(), depth + 1, seen)) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof Collection) {
      for (Object element : (Collection<?>) value) {
        if (holds(element, depth + 1, seen)) {
          return true;
        }
      }
      return false;
    }
    if (value.getClass().isArray()) {
      if (value.getClass().getComponentType().isPrimitive()) {
        return false;
      }
      for (Object element : (Object[]) value) {
        if (holds(element, depth + 1, seen)) {
          return true;
        }
      }
      return false;
    }
    if (!PersonalMembers.of(value.getClass()).isEmpty()) {
      return true;
    }
    if (value.getClass().isRecord()) {
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        if (holds(read(component.getAccessor(), value), depth + 1, seen)) {
          return true;
        }
      }
    }
    return false;
  }

  /** One rendering: the output and the objects being rendered, for the cycle guard. */
  private final class Rendering {
    private final StringBuilder out;
    private final IdentityHashMap<Object, Boolean> open = new IdentityHashMap<>();

    Rendering(StringBuilder out) {
      this.out = out;
    }

    void render(Object value, int depth) {
      if (value == null) {
        out.append("null");
        return;
      }
      if (isPlain(value)) {
        text(value);
        return;
      }
      if (depth >= MAX_DEPTH) {
        out.append("...");
        return;
      }
      if (open.put(value, Boolean.TRUE) != null) {
        out.append("<cycle>");
        return;
      }
      try {
        structured(value, depth);
      } finally {
        open.remove(value);
      }
    }

    private void structured(Object value, int depth) {
      if (value instanceof Optional) {
        Optional<?> optional = (Optional<?>) value;
        if (optional.isEmpty()) {
          out.append("Optional.empty");
        } else {
          out.append("Optional[");
          render(optional.get(), depth + 1);
          out.append(']');
        }
      } else if (value instanceof Map) {
        out.append('{');
        String separator = "";
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          out.append(separator);
          render(entry.getKey(), depth + 1);
          out.append('=');
          render(entry.getValue(), depth + 1);
          separator = ", ";
        }
        out.append('}');
      } else if (value instanceof Collection) {
        out.append('[');
        String separator = "";
        for (Object element : (Collection<?>) value) {
          out.append(separator);
          render(element, depth + 1);
          separator = ", ";
        }
        out.append(']');
      } else if (value.getClass().isArray()) {
        out.append('[');
        int length = Array.getLength(value);
        for (int i = 0; i < length; i++) {
          if (i > 0) {
            out.append(", ");
          }
          render(Array.get(value, i), depth + 1);
        }
        out.append(']');
      } else if (value.getClass().isRecord()) {
        record(value, depth);
      } else {
        List<PersonalMember> members = PersonalMembers.of(value.getClass());
        if (members.isEmpty()) {
          text(value);
        } else {
          annotated(value, members, depth);
        }
      }
    }

    private void annotated(Object value, List<PersonalMember> members, int depth) {
      out.append(simpleName(value.getClass())).append('{');
      String separator = "";
      PersonalMember subject = PersonalMembers.subject(value.getClass());
      if (subject != null) {
        // the internal id a log line may carry, so that it still says whose object it was
        out.append(subject.name()).append('=');
        member(value, subject, depth);
        separator = ", ";
      }
      for (PersonalMember member : members) {
        if (member.redaction() == Redaction.OMIT) {
          redactor.countAnnotated();
          continue;
        }
        out.append(separator).append(member.name()).append('=');
        member(value, member, depth);
        separator = ", ";
      }
      out.append('}');
    }

    private void record(Object value, int depth) {
      List<PersonalMember> members = PersonalMembers.of(value.getClass());
      out.append(simpleName(value.getClass())).append('{');
      String separator = "";
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        PersonalMember member = PersonalMembers.named(members, component.getName());
        if (member != null && member.redaction() == Redaction.OMIT) {
          redactor.countAnnotated();
          continue;
        }
        out.append(separator).append(component.getName()).append('=');
        separator = ", ";
        if (member != null) {
          member(value, member, depth);
          continue;
        }
        Object componentValue;
        try {
          componentValue = read(component.getAccessor(), value);
        } catch (ReflectiveOperationException | RuntimeException e) {
          out.append(redactor.fail("object", e));
          continue;
        }
        render(componentValue, depth + 1);
      }
      out.append('}');
    }

    /** A member's value by its redaction; the subject id (no redaction) rendered as any value. */
    private void member(Object instance, PersonalMember member, int depth) {
      Object value;
      try {
        value = member.read(instance);
      } catch (RuntimeException e) {
        out.append(redactor.fail("object", e));
        return;
      }
      if (member.redaction() == null) {
        render(value, depth + 1); // so an e-mail address used as the id is still found
        return;
      }
      if (value == null) {
        out.append("null");
        return;
      }
      redactor.countAnnotated();
      switch (member.redaction()) {
        case HASH:
          out.append(redactor.hashToken(
              member.category(), HashTokens.normaliseMember(String.valueOf(value))));
          break;
        case PARTIAL:
          partial(String.valueOf(value));
          break;
        case MASK:
        default:
          out.append(Redactor.mask(member.category()));
          break;
      }
    }

    private void partial(String value) {
      int codePoints = value.codePointCount(0, value.length());
      int kept = codePoints > 4 ? 4 : 0;
      for (int i = 0; i < codePoints - kept; i++) {
        out.append('*');
      }
      if (kept > 0) {
        out.append(value, value.offsetByCodePoints(value.length(), -kept), value.length());
      }
    }

    private void text(Object value) {
      String text;
      try {
        text = String.valueOf(value);
      } catch (RuntimeException e) {
        out.append(redactor.fail("object", e));
        return;
      }
      out.append(redactor.redact(text));
    }
  }

  private static Object read(Method accessor, Object instance) throws ReflectiveOperationException {
    if (!accessor.trySetAccessible()) {
      throw new IllegalAccessException("The record accessor cannot be opened");
    }
    try {
      return accessor.invoke(instance);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("The record accessor failed", e.getCause());
    }
  }

  private static boolean isPlain(Object value) {
    return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
        || value instanceof Character || value instanceof Enum;
  }

  private static String simpleName(Class<?> type) {
    String simple = type.getSimpleName();
    if (!simple.isEmpty()) {
      return simple;
    }
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
