package dev.piiwarden.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import dev.piiwarden.core.inventory.ElementKind;
import dev.piiwarden.processor.model.PersonalDataSite;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Chooses how a generated descriptor reads a member, without reflection where the language allows:
 * a non-private field or method directly; a private field through a non-private accessor of the
 * same type ({@code getX}, {@code isX}, {@code x()}); only otherwise through a {@link VarHandle}
 * created once.
 */
final class ReaderCode {
  /**
   * How one member is read.
   *
   * @param lambda the reader, a lambda over {@code o}
   * @param handle a static VarHandle field the lambda uses, or null
   */
  record Reader(CodeBlock lambda, FieldSpec handle) {}

  private final Types types;

  ReaderCode(Types types) {
    this.types = types;
  }

  /** The reader of {@code site}, or empty when it cannot be read (a private method). */
  Optional<Reader> of(PersonalDataSite site) {
    TypeElement owner = site.owner();
    ClassName type = ClassName.get(owner);
    Element element = site.element();
    boolean isStatic = element.getModifiers().contains(Modifier.STATIC);
    String name = element.getSimpleName().toString();
    if (site.kind() == ElementKind.RECORD_COMPONENT) {
      return Optional.of(new Reader(CodeBlock.of("o -> o.$N()", name), null));
    }
    if (site.kind() == ElementKind.METHOD) {
      if (element.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.empty();
      }
      return Optional.of(new Reader(
          isStatic ? CodeBlock.of("o -> $T.$N()", type, name) : CodeBlock.of("o -> o.$N()", name), null));
    }
    VariableElement field = (VariableElement) element;
    if (!field.getModifiers().contains(Modifier.PRIVATE)) {
      return Optional.of(new Reader(
          isStatic ? CodeBlock.of("o -> $T.$N", type, name) : CodeBlock.of("o -> o.$N", name), null));
    }
    Optional<ExecutableElement> accessor = accessor(owner, field);
    if (accessor.isPresent()) {
      String method = accessor.get().getSimpleName().toString();
      return Optional.of(new Reader(
          isStatic ? CodeBlock.of("o -> $T.$N()", type, method) : CodeBlock.of("o -> o.$N()", method), null));
    }
    String handleName = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "_HANDLE";
    TypeName fieldType = TypeName.get(types.erasure(field.asType()));
    FieldSpec handle = FieldSpec.builder(VarHandle.class, handleName,
            javax.lang.model.element.Modifier.PRIVATE,
            javax.lang.model.element.Modifier.STATIC,
            javax.lang.model.element.Modifier.FINAL)
        .initializer("$N($S, $T.class, $L)", DescriptorGenerator.FIELD_HELPER, name, fieldType, isStatic)
        .build();
    CodeBlock lambda = isStatic ? CodeBlock.of("o -> $N.get()", handle) : CodeBlock.of("o -> $N.get(o)", handle);
    return Optional.of(new Reader(lambda, handle));
  }

  private Optional<ExecutableElement> accessor(TypeElement owner, VariableElement field) {
    String name = field.getSimpleName().toString();
    String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    boolean isStatic = field.getModifiers().contains(Modifier.STATIC);
    for (String candidate : new String[] {"get" + capitalized, "is" + capitalized, name}) {
      for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
        if (method.getSimpleName().contentEquals(candidate)
            && method.getParameters().isEmpty()
            && !method.getModifiers().contains(Modifier.PRIVATE)
            && method.getModifiers().contains(Modifier.STATIC) == isStatic
            && types.isSameType(method.getReturnType(), field.asType())) {
          return Optional.of(method);
        }
      }
    }
    return Optional.empty();
  }
}
