package dev.piiwarden.processor.validation;

import dev.piiwarden.annotations.ConsentRequired;
import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.base.MirrorLookup;
import dev.piiwarden.processor.model.AnnotationNames;
import dev.piiwarden.processor.model.TypeConsent;
import dev.piiwarden.processor.model.TypeDeclarations;
import dev.piiwarden.processor.model.UnresolvedValues;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * PW027: {@code @ConsentRequired} on an abstract method of an interface that a framework implements
 * with a proxy at run time (a Spring Data repository, a Feign, MicroProfile REST or Spring HTTP
 * interface client, a MyBatis mapper, a Retrofit service). The agent checks the method that
 * implements an abstract one, and here no class of the application does, so calls run unchecked.
 */
public final class ProxyImplementedCheck implements DeclarationCheck {
  /** Annotations on the interface that say a framework implements it, and the framework. */
  private static final Map<String, String> ON_TYPE = Map.of(
      "org.springframework.cloud.openfeign.FeignClient", "Spring Cloud OpenFeign",
      "org.eclipse.microprofile.rest.client.inject.RegisterRestClient", "the MicroProfile REST Client",
      "org.apache.ibatis.annotations.Mapper", "MyBatis",
      "org.springframework.web.service.annotation.HttpExchange", "Spring's HTTP interface client");
  /** Packages of annotations on the method that say the same. */
  private static final Map<String, String> ON_METHOD = Map.of(
      "retrofit2.http.", "Retrofit",
      "org.springframework.web.service.annotation.", "Spring's HTTP interface client",
      "org.apache.ibatis.annotations.", "MyBatis");
  private static final String SPRING_DATA = "org.springframework.data.repository.Repository";

  @Override
  public void check(TypeDeclarations declarations, DiagnosticReporter reporter) {
    for (ExecutableElement method : declarations.activityMethods()) {
      Element owner = method.getEnclosingElement();
      ConsentRequired consent = UnresolvedValues.resolved(method, ConsentRequired.class) != null
          ? UnresolvedValues.resolved(method, ConsentRequired.class)
          : TypeConsent.covers(method) ? UnresolvedValues.resolved(owner, ConsentRequired.class) : null;
      if (consent == null || consent.value().length == 0 || owner.getKind() != ElementKind.INTERFACE
          || !method.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      String framework = framework(method, (TypeElement) owner);
      if (framework != null) {
        AnnotationMirror mirror = MirrorLookup.find(method, AnnotationNames.CONSENT_REQUIRED).orElse(null);
        reporter.report(Message.PW027, method, mirror, null,
            ((TypeElement) owner).getQualifiedName() + "#" + method.getSimpleName(), framework);
      }
    }
  }

  private static String framework(ExecutableElement method, TypeElement owner) {
    for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
      String name = annotationName(annotation);
      for (Map.Entry<String, String> marker : ON_METHOD.entrySet()) {
        if (name.startsWith(marker.getKey())) {
          return marker.getValue();
        }
      }
    }
    Deque<TypeElement> pending = new ArrayDeque<>();
    Set<TypeElement> seen = new HashSet<>();
    pending.add(owner);
    while (!pending.isEmpty()) {
      TypeElement type = pending.poll();
      if (!seen.add(type)) {
        continue;
      }
      if (type.getQualifiedName().contentEquals(SPRING_DATA)) {
        return "Spring Data";
      }
      for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
        String framework = ON_TYPE.get(annotationName(annotation));
        if (framework != null) {
          return framework;
        }
      }
      for (TypeMirror supertype : type.getInterfaces()) {
        if (supertype.getKind() == TypeKind.DECLARED) {
          pending.add((TypeElement) ((DeclaredType) supertype).asElement());
        }
      }
    }
    return null;
  }

  private static String annotationName(AnnotationMirror annotation) {
    return ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
  }
}
