package dev.piiwarden.processor.flow;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Tells the processor when javac has attributed and flow-analysed a top-level class (the {@code
 * ANALYZE} event; member classes are analysed with their top-level class) and when the compilation
 * ends.
 */
public final class AnalyzeListener implements TaskListener {
  /** What the processor does at those moments. */
  public interface Callback {
    void analyzed(CompilationUnitTree unit, TypeElement topLevel);

    void compilationFinished();
  }

  private final Callback callback;

  public AnalyzeListener(Callback callback) {
    this.callback = callback;
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() == TaskEvent.Kind.ANALYZE) {
      TypeElement type = event.getTypeElement();
      if (type != null && type.getNestingKind() == NestingKind.TOP_LEVEL && event.getCompilationUnit() != null) {
        callback.analyzed(event.getCompilationUnit(), type);
      }
    } else if (event.getKind() == TaskEvent.Kind.COMPILATION) {
      callback.compilationFinished();
    }
  }
}
