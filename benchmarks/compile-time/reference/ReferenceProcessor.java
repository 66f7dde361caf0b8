import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The floor any processor pays, for comparison with PII Warden's: claims {@code @PersonalData} and
 * does nothing else, or, with {@code -Areference.generate=true}, also writes one trivial source per
 * class with {@code @PersonalData} members in the first round (as many sources as PII Warden's
 * descriptors, each an empty class), which forces javac into one more round.
 */
public final class ReferenceProcessor extends AbstractProcessor {
  private final Set<String> seen = new HashSet<>();
  private boolean generated;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.piiwarden.annotations.PersonalData");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of("reference.generate");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (generated || !Boolean.parseBoolean(processingEnv.getOptions().get("reference.generate"))) {
      return true;
    }
    generated = true;
    for (TypeElement annotation : annotations) {
      for (Element member : round.getElementsAnnotatedWith(annotation)) {
        Element owner = member.getEnclosingElement();
        if (!(owner instanceof TypeElement type)) {
          continue;
        }
        String name = type.getQualifiedName() + "_Reference";
        if (!seen.add(name)) {
          continue;
        }
        int dot = name.lastIndexOf('.');
        try (Writer out = processingEnv.getFiler().createSourceFile(name, type).openWriter()) {
          out.write((dot < 0 ? "" : "package " + name.substring(0, dot) + ";\n")
              + "public final class " + name.substring(dot + 1) + " {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return true;
  }
}
