package dev.piiwarden.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
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
 * created once. A field is private also when its declaration in the source says so after a
 * processor that ran before this one changed it (Lombok).
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
  private final Trees trees;

  /** @param trees javac's Trees, or null when the compiler has none */
  ReaderCode(Types types, Trees trees) {
    this.types = types;
    this.trees = trees;
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
    if (!isPrivate(field)) {
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

  /**
   * Whether {@code field} is private, also when a processor that ran before this one made it so
   * in its source (Lombok's {@code @Value} and {@code @FieldDefaults(level = PRIVATE)} on a field
   * declared without an access modifier): javac gives the field those modifiers only in the next
   * round, after the descriptor that reads it is written. Only a field that is not private by its
   * modifiers is looked up in the tree.
   */
  private boolean isPrivate(VariableElement field) {
    if (field.getModifiers().contains(Modifier.PRIVATE)) {
      return true;
    }
    Tree tree = trees == null ? null : trees.getTree(field);
    return tree instanceof VariableTree variable && variable.getModifiers().getFlags().contains(Modifier.PRIVATE);
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
