package dev.piiwarden.processor.flow;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Tells the processor when javac has attributed and flow-analysed a top-level class (the {@code
 * ANALYZE} event; member classes are analysed with their top-level class) and when the compilation
 * ends. It also notes the top-level classes compiled from source: javac enters every compilation
 * unit once more after annotation processing, before any class is analysed.
 */
public final class AnalyzeListener implements TaskListener {
  /** What the processor does at those moments. */
  public interface Callback {
    void analyzed(CompilationUnitTree unit, TypeElement topLevel);

    void compilationFinished();
  }

  private final Callback callback;
  private final Set<String> compiledHere = new HashSet<>();

  public AnalyzeListener(Callback callback) {
    this.callback = callback;
  }

  /** Whether the top-level class {@code binaryName} is compiled from source in this compilation. */
  public boolean compiledHere(String binaryName) {
    return compiledHere.contains(binaryName);
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() == TaskEvent.Kind.ENTER && event.getCompilationUnit() != null) {
      CompilationUnitTree unit = event.getCompilationUnit();
      String prefix = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
      for (Tree declaration : unit.getTypeDecls()) {
        if (declaration instanceof ClassTree type) {
          compiledHere.add(prefix + type.getSimpleName());
        }
      }
    } else if (event.getKind() == TaskEvent.Kind.ANALYZE) {
      TypeElement type = event.getTypeElement();
      if (type != null && type.getNestingKind() == NestingKind.TOP_LEVEL && event.getCompilationUnit() != null) {
        callback.analyzed(event.getCompilationUnit(), type);
      }
    } else if (event.getKind() == TaskEvent.Kind.COMPILATION) {
      callback.compilationFinished();
    }
  }
}
