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
 */
final class ExportWalk {
  private final List<Entry> entries = new ArrayList<>();
  private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Deque<Step> pending = new ArrayDeque<>();

  /**
   * An object to look at, where it was found, and whether it must be read: an argument, an element
   * of a container that must, the value of an accessor or of a field whose declared type holds
   * personal data; not an object met through a field that merely could refer to some.
   */
  private record Step(Object value, Path path, boolean required) {}

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
      steps.add(new Step(arguments[i], new Path(null, "[" + i + "]"), true));
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
      throw new IllegalStateException("PII Warden cannot read the members of "
          + value.getClass().getName() + " at " + step.path() + " (" + unloadable
          + "): put the classes it names on the class path", unloadable);
    }
    boolean container = NestedPersonalData.isContainer(value);
    if (!(holder || container) || !seen.add(value)) {
      return;
    }
    List<Step> next = new ArrayList<>();
    if (holder) {
      members(value, step.path(), next);
      fields(value, step.path(), next);
    }
    if (container) {
      elements(value, step, next);
    }
    schedule(next);
  }

  private void members(Object object, Path path, List<Step> next) {
    List<PersonalDataMember<Object>> members = PersonalDataDescriptors.membersOf(object.getClass());
    String place = members.isEmpty() ? "" : path.toString();
    for (PersonalDataMember<Object> member : members) {
      Object value = member.read(object);
      entries.add(new Entry(object.getClass().getName(), member.name(), member.category(),
          member.purposes(), value, place));
      if (member.kind() == PersonalDataMember.Kind.METHOD) {
        // fields are followed below; what only an accessor gives is followed here
        next.add(new Step(value, path.then("." + member.name()), true));
      }
    }
  }

  private void fields(Object object, Path path, List<Step> next) {
    for (NestedPersonalData.Followed followed : NestedPersonalData.followed(object.getClass())) {
      if (!followed.open()) {
        if (followed.certain()) {
          throw Unreadable.member(followed.field().getDeclaringClass(), followed.field().getName());
        }
        continue;
      }
      try {
        next.add(new Step(followed.field().get(object), path.then("." + followed.field().getName()),
            followed.certain()));
      } catch (IllegalAccessException e) {
        throw Unreadable.member(followed.field().getDeclaringClass(), followed.field().getName());
      }
    }
  }

  private static void elements(Object container, Step step, List<Step> next) {
    if (container instanceof Optional<?> optional) {
      optional.ifPresent(element -> next.add(new Step(element, step.path(), step.required())));
      return;
    }
    Iterable<?> elements = container instanceof Map<?, ?> map ? map.values()
        : container instanceof Iterable<?> iterable ? iterable
        : Arrays.asList((Object[]) container);
    int i = 0;
    for (Object element : elements) {
      next.add(new Step(element, step.path().then("[" + i++ + "]"), step.required()));
    }
  }

  /** Puts {@code steps} first, in their order. */
  private void schedule(List<Step> steps) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      pending.push(steps.get(i));
    }
  }
}
