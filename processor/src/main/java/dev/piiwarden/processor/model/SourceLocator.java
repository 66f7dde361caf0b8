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
  /** The last top-level class located and its compilation unit (null when it has no tree). */
  private TypeElement lastTopLevel;
  private CompilationUnitTree lastUnit;

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
    CompilationUnitTree unit = unitOf(topLevel);
    // Trees.getTree finds the declaration; Trees.getPath(element) would scan the whole
    // compilation unit again for every element to build a path nobody needs.
    Tree tree = unit == null ? null : trees.getTree(element);
    if (tree != null) {
      file = simpleFileName(unit.getSourceFile().getName(), file);
      line = line(unit, tree);
    }
    return new SourceLocation(folder + file, line);
  }

  /** The compilation unit of {@code topLevel}, looked up once per top-level class in a row. */
  private CompilationUnitTree unitOf(TypeElement topLevel) {
    if (trees == null) {
      return null;
    }
    if (!topLevel.equals(lastTopLevel)) {
      TreePath path = trees.getPath(topLevel);
      lastTopLevel = topLevel;
      lastUnit = path == null ? null : path.getCompilationUnit();
    }
    return lastUnit;
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
