package dev.piiwarden.processor.base;

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

  /** How many errors this processor reported so far. */
  public int errorCount() {
    return errors;
  }

  private void print(
      Message message, Element element, AnnotationMirror mirror, AnnotationValue value, Object[] args) {
    Diagnostic.Kind kind = message.kind();
    String text = message.format(args);
    if (strict && (kind == Diagnostic.Kind.WARNING || kind == Diagnostic.Kind.MANDATORY_WARNING)) {
      kind = Diagnostic.Kind.ERROR;
      text += " (An error because piiwarden.strict=true.)";
    }
    if (kind == Diagnostic.Kind.ERROR) {
      errors++;
    }
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
