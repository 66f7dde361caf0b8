package dev.piiwarden.processor.flow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The members a sink leaves out when it writes an object whole (a catalogue entry's {@code skips}):
 * a serializer skips what its library is told to, so a password hash marked {@code @JsonIgnore}
 * does not go where Jackson writes its object. Each rule is {@code transient} (a field with that
 * modifier, as Gson and Java serialization skip) or {@code @} and an annotation's canonical name,
 * on the field or an accessor of the data element, optionally with one element's value: {@code
 * @com.fasterxml.jackson.annotation.JsonProperty(access=WRITE_ONLY)}. An annotation whose boolean
 * {@code value} is given as false ({@code @JsonIgnore(false)}) does not count. A {@code keeps}
 * rule, in the same form, names what keeps a data element written although one of its members is
 * skipped: an explicit {@code @JsonProperty} on the getter of a field marked {@code @JsonIgnore},
 * which Jackson then writes.
 *
 * @param rules the rules as the catalogue gives them
 * @param keeps the rules of what, on another member of the same data element, keeps it written
 */
public record SkippedMembers(List<String> rules, List<String> keeps) {
  /** A sink that writes every member. */
  public static final SkippedMembers NONE = new SkippedMembers(List.of(), List.of());

  public SkippedMembers {
    rules = List.copyOf(rules);
    keeps = List.copyOf(keeps);
  }

  /**
   * Whether the data element these members (its field and accessors) stand for is left out: one
   * of them is skipped, and none of the others keeps it.
   */
  public boolean skipsAll(List<Element> members) {
    boolean skipped = false;
    boolean kept = false;
    for (Element member : members) {
      if (skips(member)) {
        skipped = true;
      } else if (keeps.stream().anyMatch(rule -> annotated(member, rule))) {
        kept = true;
      }
    }
    return skipped && !kept;
  }

  /** What is wrong with a rule, as the catalogue's error names it, if anything. */
  static Optional<String> problem(String rule) {
    if (rule.equals("transient")) {
      return Optional.empty();
    }
    int open = rule.indexOf('(');
    String name = open < 0 ? rule : rule.substring(0, open);
    boolean elementOk = open < 0 || (rule.endsWith(")") && rule.substring(open + 1, rule.length() - 1)
        .matches("[A-Za-z_$][A-Za-z0-9_$]*=[A-Za-z0-9_$.]+"));
    if (!name.matches("@[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)+") || !elementOk) {
      return Optional.of("\"" + rule + "\" is neither \"transient\" nor an annotation's canonical name after"
          + " \"@\", with at most one element's value (\"@com.fasterxml.jackson.annotation.JsonIgnore\","
          + " \"@com.fasterxml.jackson.annotation.JsonProperty(access=WRITE_ONLY)\")");
    }
    return Optional.empty();
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Whether {@code member} (a field or an accessor) is left out by one of the rules. */
  public boolean skips(Element member) {
    for (String rule : rules) {
      if (rule.equals("transient")) {
        if (member.getKind() == ElementKind.FIELD && member.getModifiers().contains(Modifier.TRANSIENT)) {
          return true;
        }
      } else if (annotated(member, rule)) {
        return true;
      }
    }
    return false;
  }

  private static boolean annotated(Element member, String rule) {
    int open = rule.indexOf('(');
    String name = rule.substring(1, open < 0 ? rule.length() : open);
    for (AnnotationMirror annotation : member.getAnnotationMirrors()) {
      if (!((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().contentEquals(name)) {
        continue;
      }
      Map<? extends ExecutableElement, ? extends AnnotationValue> values = annotation.getElementValues();
      if (open < 0) {
        return values.entrySet().stream().noneMatch(value -> value.getKey().getSimpleName().contentEquals("value")
            && Boolean.FALSE.equals(value.getValue().getValue()));
      }
      String[] wanted = rule.substring(open + 1, rule.length() - 1).split("=", 2);
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> value : values.entrySet()) {
        if (value.getKey().getSimpleName().contentEquals(wanted[0]) && shown(value.getValue()).equals(wanted[1])) {
          return true;
        }
      }
    }
    return false;
  }

  /** An annotation value as a rule writes it: an enum constant by its name, else its text. */
  private static String shown(AnnotationValue value) {
    Object held = value.getValue();
    return held instanceof VariableElement constant ? constant.getSimpleName().toString() : String.valueOf(held);
  }
}
