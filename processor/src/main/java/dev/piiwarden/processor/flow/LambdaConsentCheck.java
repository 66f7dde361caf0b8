package dev.piiwarden.processor.flow;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberReferenceTree.ReferenceMode;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.piiwarden.annotations.ConsentRequired;
import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.model.ConsentInheritance;
import dev.piiwarden.processor.model.RuntimeTypeNames;
import dev.piiwarden.processor.model.TypeConsent;
import dev.piiwarden.processor.model.UnresolvedValues;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * PW029: a lambda or method reference that implements a functional interface whose abstract method
 * requires consent. The agent checks consent in a class's method that implements the abstract one;
 * a lambda's body is a synthetic method of the class it is written in, and what implements the
 * interface is a hidden class the JVM spins at run time, which the agent cannot transform, so calls
 * run unchecked. A reference to a method whose own requirement (its annotation, its class's where
 * that covers the method, {@link TypeConsent}, or the one it inherits as an implementation) names
 * every purpose the abstract method requires is not reported: the agent checks that method. A
 * constructor reference always is, as the agent checks no constructor. Every lambda and reference
 * of a class counts, field initializers' too.
 */
public final class LambdaConsentCheck {
  private final Trees trees;
  private final Types types;
  private final RuntimeTypeNames names;
  private final ConsentInheritance inheritance;
  private final DiagnosticReporter reporter;
  private final List<ExecutableElement> objectMethods;

  public LambdaConsentCheck(Trees trees, Types types, Elements elements, RuntimeTypeNames names,
      ConsentInheritance inheritance, DiagnosticReporter reporter) {
    this.trees = trees;
    this.types = types;
    this.names = names;
    this.inheritance = inheritance;
    this.reporter = reporter;
    this.objectMethods = ElementFilter.methodsIn(elements.getTypeElement("java.lang.Object").getEnclosedElements());
  }

  /** Checks every lambda and method reference in {@code topLevel}, declared in {@code unit}. */
  public void check(CompilationUnitTree unit, TypeElement topLevel) {
    TreePath path = trees.getPath(topLevel);
    if (path == null || path.getCompilationUnit() != unit) {
      return;
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        ExecutableElement required = required(getCurrentPath());
        if (required != null) {
          report(tree, unit, required, "a lambda", "put @ConsentRequired with " + purposes(required)
              + " on the method the lambda calls and name that method in a method reference instead");
        }
        return super.visitLambdaExpression(tree, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        ExecutableElement required = required(getCurrentPath());
        Element referenced = trees.getElement(getCurrentPath());
        if (required != null && tree.getMode() == ReferenceMode.NEW) {
          String type = referenced != null && referenced.getEnclosingElement() instanceof TypeElement owner
              ? typeName(owner) : tree.getQualifierExpression().toString();
          report(tree, unit, required, "a reference to a constructor of " + type, "refer to a method with"
              + " @ConsentRequired for " + purposes(required) + " instead (the agent checks no constructor)");
        } else if (required != null && referenced instanceof ExecutableElement method
            && !covers(method, ConsentInheritance.requirementOf(required))) {
          String name = name(method);
          report(tree, unit, required, "a reference to " + name,
              "put @ConsentRequired with " + purposes(required) + " on " + name);
        }
        return super.visitMemberReference(tree, null);
      }
    }.scan(path, null);
  }

  /** The abstract method requiring consent that the lambda or reference at {@code path} implements, or null. */
  private ExecutableElement required(TreePath path) {
    TypeMirror target = trees.getTypeMirror(path);
    if (target == null) {
      return null;
    }
    List<TypeMirror> interfaces = new ArrayList<>();
    if (target.getKind() == TypeKind.INTERSECTION) {
      interfaces.addAll(((IntersectionType) target).getBounds()); // (Sender & Serializable) id -> …
    } else {
      interfaces.add(target);
    }
    for (TypeMirror type : interfaces) {
      for (ExecutableElement required : inheritance.leftOpen(type)) {
        if (!declaredByObject(required)) {
          return required;
        }
      }
    }
    return null;
  }

  /** Whether {@code method} declares one of {@code Object}'s methods again, which no lambda implements. */
  private boolean declaredByObject(ExecutableElement method) {
    for (ExecutableElement objectMethod : objectMethods) {
      if (objectMethod.getSimpleName().equals(method.getSimpleName())
          && types.isSubsignature((ExecutableType) method.asType(), (ExecutableType) objectMethod.asType())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the agent checks {@code method} itself for every purpose of {@code required}: its own
   * {@code @ConsentRequired}, else its class's (for a method that covers, {@link TypeConsent}: a
   * public one, not {@code toString}, {@code equals}, {@code hashCode} or an enum's {@code values}
   * and {@code valueOf}), else the one it inherits as the implementation of an abstract method.
   */
  private boolean covers(ExecutableElement method, ConsentRequired required) {
    ConsentRequired own = UnresolvedValues.resolved(method, ConsentRequired.class);
    if (own == null && TypeConsent.covers(method)) {
      own = UnresolvedValues.resolved(method.getEnclosingElement(), ConsentRequired.class);
    }
    if (own == null) {
      own = inheritance.implemented(method).map(ConsentInheritance::requirementOf).orElse(null);
    }
    return own != null && List.of(own.value()).containsAll(List.of(required.value()));
  }

  private void report(Tree tree, CompilationUnitTree unit, ExecutableElement required, String what, String fix) {
    reporter.report(Message.PW029, trees, tree, unit, what, name(required), purposes(required),
        typeName((TypeElement) required.getEnclosingElement()), fix);
  }

  private static String purposes(ExecutableElement required) {
    return List.of(ConsentInheritance.requirementOf(required).value()).toString();
  }

  private String name(ExecutableElement method) {
    Element owner = method.getEnclosingElement();
    return (owner instanceof TypeElement type ? typeName(type) : owner.toString()) + "#" + names.signature(method);
  }

  /** The canonical name; the binary name of a local or anonymous class, which has none. */
  private String typeName(TypeElement type) {
    return type.getQualifiedName().isEmpty() ? names.binaryName(type) : type.getQualifiedName().toString();
  }
}
