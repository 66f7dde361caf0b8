package dev.piiwarden.processor;

import com.google.auto.service.AutoService;
import dev.piiwarden.processor.option.ProcessorOptions;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Tells javac that the {@code piiwarden.*} options are PII Warden's in every compilation, also in
 * one whose sources carry none of its annotations. javac counts a processor's options as
 * recognised only once it has called that processor's {@code process}, which it does for {@link
 * PiiWardenProcessor} only when one of its four annotations is present; in a module without them
 * (a first step of adoption, or a parent POM that sets the processor up for every module) javac
 * would otherwise warn "The following options were not recognized by any processor", which fails
 * a build with {@code -Werror}. This processor supports every annotation type ({@code *}), so
 * javac calls it each round, and claims none: it does nothing else, and other processors see
 * every annotation as before.
 */
@AutoService(Processor.class)
public final class OptionsRecognition extends AbstractProcessor {
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return ProcessorOptions.names();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return false;
  }
}
