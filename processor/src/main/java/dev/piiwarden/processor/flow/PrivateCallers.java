package dev.piiwarden.processor.flow;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Where the private methods of one top-level class are called from: only its own code can call
 * them, so a private method whose every call is written directly in methods requiring a consent
 * runs under that consent. A call from a lambda, a local or anonymous class, a method reference or
 * code the analysis does not walk (field initializers, initializer blocks) could run anywhere, at
 * any time: its method counts as called from outside.
 */
public final class PrivateCallers {
  private final Map<ExecutableElement, List<ExecutableElement>> callers = new HashMap<>();
  private final Set<ExecutableElement> escaped = new HashSet<>();
  /** The simple names of methods called or referenced in code the analysis does not walk. */
  private final Set<String> unwalkedNames = new HashSet<>();

  PrivateCallers() {}

  /** Whether calls of {@code method} are recorded here. */
  static boolean tracked(ExecutableElement method) {
    return method.getKind() == ElementKind.METHOD && method.getModifiers().contains(Modifier.PRIVATE);
  }

  /** A call of {@code target} written directly in the body of {@code caller}. */
  void called(ExecutableElement target, ExecutableElement caller) {
    callers.computeIfAbsent(target, t -> new ArrayList<>()).add(caller);
  }

  /** A call of, or reference to, {@code target} from a lambda, local class or method reference. */
  void escaped(ExecutableElement target) {
    escaped.add(target);
  }

  /** Notes the names of the methods {@code tree}, code the analysis does not walk, calls or references. */
  void unwalked(Tree tree) {
    if (tree == null) {
      return;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (call.getMethodSelect() instanceof IdentifierTree name) {
          unwalkedNames.add(name.getName().toString());
        } else if (call.getMethodSelect() instanceof MemberSelectTree member) {
          unwalkedNames.add(member.getIdentifier().toString());
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        unwalkedNames.add(reference.getName().toString());
        return super.visitMemberReference(reference, null);
      }
    }.scan(tree, null);
  }

  /**
   * Whether every run of {@code method} is under a consent that {@code covers} accepts: it is
   * private, called at least once, only directly from methods whose own consent ({@code consentOf},
   * null for none) is accepted or that are themselves such private methods. A cycle of private
   * methods counts for nothing either way; one with no caller outside the cycle is not covered.
   */
  public boolean covered(ExecutableElement method, Function<ExecutableElement, List<String>> consentOf,
      Predicate<List<String>> covers) {
    return Boolean.TRUE.equals(coveredThroughCallers(method, consentOf, covers, new HashSet<>()));
  }

  /** TRUE when covered, FALSE when some run may not be, null when only reached from the methods being checked. */
  private Boolean coveredThroughCallers(ExecutableElement method, Function<ExecutableElement, List<String>> consentOf,
      Predicate<List<String>> covers, Set<ExecutableElement> checking) {
    if (!tracked(method) || escaped.contains(method) || unwalkedNames.contains(method.getSimpleName().toString())) {
      return false;
    }
    List<ExecutableElement> calling = callers.get(method);
    if (calling == null || calling.isEmpty()) {
      return false;
    }
    if (!checking.add(method)) {
      return null;
    }
    try {
      boolean grounded = false;
      for (ExecutableElement caller : calling) {
        List<String> consent = consentOf.apply(caller);
        if (consent != null && covers.test(consent)) {
          grounded = true;
          continue;
        }
        if (checking.contains(caller)) {
          continue;
        }
        Boolean through = coveredThroughCallers(caller, consentOf, covers, checking);
        if (Boolean.FALSE.equals(through)) {
          return false;
        }
        grounded |= through != null;
      }
      return grounded ? Boolean.TRUE : null;
    } finally {
      checking.remove(method);
    }
  }
}
