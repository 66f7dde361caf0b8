package dev.piiwarden.processor.flow;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryFragment;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.core.inventory.InventoryMerger;
import dev.piiwarden.core.inventory.MethodSummary;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.inventory.SinkRecord;
import dev.piiwarden.processor.PiiWardenProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles fixtures with the stubs and reads the fragments back. */
final class FlowCompilation {
  static final String FOLDER = "META-INF/piiwarden/types/";

  final Compilation compilation;

  private FlowCompilation(Compilation compilation) {
    this.compilation = compilation;
  }

  static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString(name, body);
  }

  static FlowCompilation compile(List<String> options, JavaFileObject... sources) {
    List<JavaFileObject> all = new ArrayList<>(SinkStubs.all());
    all.addAll(List.of(sources));
    return new FlowCompilation(javac().withProcessors(new PiiWardenProcessor()).withOptions(options).compile(all));
  }

  static FlowCompilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  /** The fragment of a top-level class, or null. */
  Inventory fragment(String binaryName) {
    byte[] bytes = bytes(binaryName);
    return bytes == null ? null : InventoryJson.read(bytes, binaryName);
  }

  byte[] bytes(String binaryName) {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getName().endsWith(FOLDER + binaryName + ".json")) {
        try (InputStream in = file.openInputStream()) {
          return in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return null;
  }

  /** All fragments merged, as the CLI does it. */
  Inventory merged() {
    List<InventoryFragment> fragments = new ArrayList<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getName().contains(FOLDER) && file.getName().endsWith(".json")) {
        try (InputStream in = file.openInputStream()) {
          fragments.add(new InventoryFragment(file.getName(), InventoryJson.read(in.readAllBytes(), file.getName())));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return InventoryMerger.merge(fragments).inventory();
  }

  /** The 1-based line of {@code source} that carries the comment {@code // marker}. */
  static int line(String source, String marker) {
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("// " + marker)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line marked " + marker);
  }

  /** A sink record on the line of {@code source} marked {@code marker}. */
  static SinkRecord sinkAt(String source, String marker, SinkKind kind, String target, Confidence confidence,
      String... elements) {
    return new SinkRecord(kind, target, line(source, marker), List.of(elements), confidence);
  }

  Activity activity(String binaryName, String id) {
    Inventory fragment = fragment(binaryName);
    if (fragment == null) {
      throw new AssertionError("no fragment for " + binaryName);
    }
    return fragment.activities().stream().filter(a -> a.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no activity " + id + " in " + fragment.activities()));
  }

  MethodSummary summary(String binaryName, String id) {
    Inventory fragment = fragment(binaryName);
    if (fragment == null) {
      throw new AssertionError("no fragment for " + binaryName);
    }
    return fragment.summaries().stream().filter(s -> s.method().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no summary " + id + " in " + fragment.summaries()));
  }
}
