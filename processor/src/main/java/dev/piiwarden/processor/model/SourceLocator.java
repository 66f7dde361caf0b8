package dev.piiwarden.processor.model;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.piiwarden.core.inventory.SourceLocation;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Where a declaration is written: its file relative to the package root and its line. Lines come
 * from javac's Trees API; under another compiler they are 0 and the file name is guessed from the
 * top-level class.
 */
public final class SourceLocator {
  private final Trees trees;
  private final Elements elements;

  /** @param trees javac's Trees, or null when the compiler has none */
  public SourceLocator(Trees trees, Elements elements) {
    this.trees = trees;
    this.elements = elements;
  }

  /** The location of {@code element}, declared in {@code topLevel}. */
  public SourceLocation locate(Element element, TypeElement topLevel) {
    PackageElement pkg = elements.getPackageOf(topLevel);
    String folder = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString().replace('.', '/') + "/";
    String file = topLevel.getSimpleName() + ".java";
    int line = 0;
    TreePath path = trees == null ? null : trees.getPath(element);
    if (path != null) {
      CompilationUnitTree unit = path.getCompilationUnit();
      file = simpleFileName(unit.getSourceFile().getName(), file);
      line = line(unit, path.getLeaf());
    }
    return new SourceLocation(folder + file, line);
  }

  private int line(CompilationUnitTree unit, Tree tree) {
    SourcePositions positions = trees.getSourcePositions();
    long start = positions.getStartPosition(unit, tree);
    if (start == Diagnostic.NOPOS || unit.getLineMap() == null) {
      return 0;
    }
    return (int) unit.getLineMap().getLineNumber(start);
  }

  private static String simpleFileName(String name, String fallback) {
    String normalized = name.replace('\\', '/');
    String simple = normalized.substring(normalized.lastIndexOf('/') + 1);
    return simple.endsWith(".java") ? simple : fallback;
  }
}
