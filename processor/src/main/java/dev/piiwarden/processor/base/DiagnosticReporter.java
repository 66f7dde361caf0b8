package dev.piiwarden.processor.base;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports {@link Message}s on the element, annotation and value they concern, applies {@code
 * piiwarden.strict} and counts errors, so the processor knows whether it may write output.
 */
public final class DiagnosticReporter {
  private final Messager messager;
  private boolean strict;
  private int errors;

  public DiagnosticReporter(Messager messager) {
    this.messager = messager;
  }

  /** With strict on, warnings are reported as errors. */
  public void setStrict(boolean strict) {
    this.strict = strict;
  }

  /** Reports a message that concerns no single element (options, internal failures). */
  public void report(Message message, Object... args) {
    print(message, null, null, null, args);
  }

  /** Reports on an element and, when known, its annotation and the offending value. */
  public void report(
      Message message,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      Object... args) {
    print(message, element, mirror, value, args);
  }

  /**
   * Reports on a tree of a method body: the line of the read or call. Uses javac's Trees, which
   * the flow analysis only runs with.
   */
  public void report(Message message, Trees trees, Tree tree, CompilationUnitTree unit, Object... args) {
    Diagnostic.Kind kind = kind(message);
    trees.printMessage(kind, text(message, kind, args), tree, unit);
  }

  /** How many errors this processor reported so far. */
  public int errorCount() {
    return errors;
  }

  private Diagnostic.Kind kind(Message message) {
    Diagnostic.Kind kind = message.kind();
    if (strict && (kind == Diagnostic.Kind.WARNING || kind == Diagnostic.Kind.MANDATORY_WARNING)) {
      kind = Diagnostic.Kind.ERROR;
    }
    if (kind == Diagnostic.Kind.ERROR) {
      errors++;
    }
    return kind;
  }

  private static String text(Message message, Diagnostic.Kind kind, Object[] args) {
    String text = message.format(args);
    return kind != message.kind() ? text + " (An error because piiwarden.strict=true.)" : text;
  }

  private void print(
      Message message, Element element, AnnotationMirror mirror, AnnotationValue value, Object[] args) {
    Diagnostic.Kind kind = kind(message);
    String text = text(message, kind, args);
    if (element == null) {
      messager.printMessage(kind, text);
    } else if (mirror == null) {
      messager.printMessage(kind, text, element);
    } else if (value == null) {
      messager.printMessage(kind, text, element, mirror);
    } else {
      messager.printMessage(kind, text, element, mirror, value);
    }
  }
}
