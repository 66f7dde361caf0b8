package dev.piiwarden.api;

import dev.piiwarden.api.PersonalDataExport.Entry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@link PersonalDataExport#export} run: the arguments, the elements of containers among them
 * and the objects their fields refer to ({@link NestedPersonalData}), depth first, each object once
 * (so cycles end), without recursion (so a long chain cannot overflow the stack).
 *
 * <p>An argument, or an element of a container among the arguments, is exported whatever it is. A
 * nested object whose class has a {@link dev.piiwarden.annotations.DataSubject} member is another
 * person's record unless its subject id equals that of the argument it was reached from (an
 * argument without one has none to equal): it is neither exported nor followed, so one person's
 * export does not carry another's data.
 */
final class ExportWalk {
  private final List<Entry> entries = new ArrayList<>();
  private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Deque<Step> pending = new ArrayDeque<>();

  /**
   * An object to look at, where it was found, whether it must be read (an argument, an element of
   * a container that must, the value of an accessor or of a field whose declared type holds
   * personal data; not an object met through a field that merely could refer to some), and the
   * argument it was reached from ({@code null} for an argument or an element of one).
   */
  private record Step(Object value, Path path, boolean required, Argument argument) {}

  /** An argument whose nested objects are being exported, and its subject id, read when asked. */
  private static final class Argument {
    private final Object value;
    private Optional<String> subject;

    Argument(Object value) {
      this.value = value;
    }

    /** Whether {@code nested}, whose class has a subject member, belongs to this argument's subject. */
    boolean sameSubject(Object nested) {
      if (subject == null) {
        subject = SubjectId.of(value);
      }
      return subject.isPresent() && subject.equals(SubjectId.of(nested));
    }
  }

  /**
   * Where an object was found: the place of its parent and one segment. Made into text only for
   * an object with personal data members, so a deep chain of objects without costs no long texts.
   */
  private record Path(Path parent, String segment) {
    Path then(String next) {
      return new Path(this, next);
    }

    @Override
    public String toString() {
      List<String> segments = new ArrayList<>();
      for (Path p = this; p != null; p = p.parent) {
        segments.add(p.segment);
      }
      StringBuilder text = new StringBuilder();
      for (int i = segments.size() - 1; i >= 0; i--) {
        text.append(segments.get(i));
      }
      return text.toString();
    }
  }

  List<Entry> run(Object[] arguments) {
    List<Step> steps = new ArrayList<>(arguments.length);
    for (int i = 0; i < arguments.length; i++) {
      steps.add(new Step(arguments[i], new Path(null, "[" + i + "]"), true, null));
    }
    schedule(steps);
    while (!pending.isEmpty()) {
      visit(pending.pop());
    }
    return entries;
  }

  private void visit(Step step) {
    Object value = step.value();
    if (value == null) {
      return;
    }
    boolean holder;
    try {
      // its own members first: a class that cannot be read must not look like one without data
      holder = PersonalDataDescriptors.hasPersonalData(value.getClass())
          || NestedPersonalData.holds(value.getClass());
    } catch (LinkageError unloadable) {
      if (!step.required()) {
        return; // a class the JVM cannot describe, met where personal data need not be
      }
      throw new PersonalDataAccessException("PII Warden cannot read the members of "
          + value.getClass().getName() + " at " + step.path() + " (" + unloadable
          + "): put the classes it names on the class path", unloadable);
    }
    boolean container = NestedPersonalData.isContainer(value);
    if (!(holder || container) || anotherSubject(step) || !seen.add(value)) {
      return;
    }
    List<Step> next = new ArrayList<>();
    if (holder) {
      // an argument is where the walk below it takes its subject from
      Argument argument = step.argument() != null ? step.argument() : new Argument(value);
      members(value, step.path(), argument, next);
      fields(value, step.path(), argument, next);
    }
    if (container) {
      elements(value, step, next);
    }
    schedule(next);
  }

  /** Whether a nested object is a record of a data subject other than its argument's. */
  private static boolean anotherSubject(Step step) {
    return step.argument() != null && SubjectId.declared(step.value().getClass())
        && !step.argument().sameSubject(step.value());
  }

  private void members(Object object, Path path, Argument argument, List<Step> next) {
    List<PersonalDataMember<Object>> members = PersonalDataDescriptors.membersOf(object.getClass());
    String place = members.isEmpty() ? "" : path.toString();
    for (PersonalDataMember<Object> member : members) {
      Object value = member.read(object);
      entries.add(new Entry(object.getClass().getName(), member.name(), member.category(),
          member.purposes(), value, place));
      if (member.kind() == PersonalDataMember.Kind.METHOD) {
        // fields are followed below; what only an accessor gives is followed here
        next.add(new Step(value, path.then("." + member.name()), true, argument));
      }
    }
  }

  private void fields(Object object, Path path, Argument argument, List<Step> next) {
    for (NestedPersonalData.Followed followed : NestedPersonalData.followed(object.getClass())) {
      if (!followed.open()) {
        if (followed.certain()) {
          throw PersonalDataAccessException.notOpen(followed.field().getDeclaringClass(),
            followed.field().getName(), ExportWalk.class.getModule());
        }
        continue;
      }
      try {
        next.add(new Step(followed.field().get(object), path.then("." + followed.field().getName()),
            followed.certain(), argument));
      } catch (IllegalAccessException e) {
        throw PersonalDataAccessException.notOpen(followed.field().getDeclaringClass(),
            followed.field().getName(), ExportWalk.class.getModule());
      }
    }
  }

  private static void elements(Object container, Step step, List<Step> next) {
    if (container instanceof Optional<?> optional) {
      optional.ifPresent(
          element -> next.add(new Step(element, step.path(), step.required(), step.argument())));
      return;
    }
    Iterable<?> elements = container instanceof Map<?, ?> map ? map.values()
        : container instanceof Iterable<?> iterable ? iterable
        : Arrays.asList((Object[]) container);
    int i = 0;
    for (Object element : elements) {
      next.add(new Step(element, step.path().then("[" + i++ + "]"), step.required(),
          step.argument()));
    }
  }

  /** Puts {@code steps} first, in their order. */
  private void schedule(List<Step> steps) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      pending.push(steps.get(i));
    }
  }
}
