package dev.piiwarden.agent.instrument;

import dev.piiwarden.agent.consent.ApplicationApi;
import dev.piiwarden.agent.consent.ConsentRule;
import dev.piiwarden.agent.consent.ConsentRules;
import dev.piiwarden.agent.consent.SkipDefaults;
import java.util.List;
import java.util.StringJoiner;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.enumeration.EnumerationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Works out a method's {@link ConsentRule} from its description while its class is transformed
 * (annotations read from the class file, nothing loaded) and binds the rule's number to {@link
 * ConsentRuleId} as a constant in the inlined advice.
 */
final class ConsentRuleBinding implements Advice.OffsetMapping {
  private final ConsentRules rules;

  ConsentRuleBinding(ConsentRules rules) {
    this.rules = rules;
  }

  @Override
  public Target resolve(
      TypeDescription instrumentedType,
      MethodDescription instrumentedMethod,
      Assigner assigner,
      Advice.ArgumentHandler argumentHandler,
      Sort sort) {
    return Target.ForStackManipulation.of(rules.register(ruleOf(instrumentedType, instrumentedMethod)));
  }

  static ConsentRule ruleOf(TypeDescription type, MethodDescription method) {
    AnnotationDescription required = find(method.getDeclaredAnnotations(), ApplicationApi.CONSENT_REQUIRED);
    if (required == null) {
      required = find(method.getDeclaringType().asErasure().getDeclaredAnnotations(), ApplicationApi.CONSENT_REQUIRED);
    }
    if (required == null) {
      throw new IllegalStateException("no @ConsentRequired on " + activity(method));
    }
    List<String> purposes = List.of(required.getValue("value").resolve(String[].class));
    boolean skip =
        required.getValue("onDenied").resolve(EnumerationDescription.class).getValue().equals("SKIP");
    int subjectParameter = -1;
    for (ParameterDescription parameter : method.getParameters()) {
      if (find(parameter.getDeclaredAnnotations(), ApplicationApi.DATA_SUBJECT) != null) {
        subjectParameter = parameter.getIndex();
        break;
      }
    }
    Object skipValue = SkipDefaults.forReturnType(method.getReturnType().asErasure().getName());
    return new ConsentRule(activity(method), purposes, skip, subjectParameter, skipValue);
  }

  /** {@code <binary name>#<method>(<parameter types>)}, as the inventory names activities. */
  static String activity(MethodDescription method) {
    StringJoiner parameters = new StringJoiner(",", "(", ")");
    for (TypeDescription parameter : method.getParameters().asTypeList().asErasures()) {
      parameters.add(parameter.getActualName());
    }
    return method.getDeclaringType().asErasure().getName()
        + "#"
        + method.getInternalName()
        + parameters;
  }

  private static AnnotationDescription find(AnnotationList annotations, String typeName) {
    for (AnnotationDescription annotation : annotations) {
      if (annotation.getAnnotationType().getName().equals(typeName)) {
        return annotation;
      }
    }
    return null;
  }
}
