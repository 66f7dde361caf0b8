package dev.piiwarden.processor.writing;

import dev.piiwarden.api.PersonalDataDescriptors;
import dev.piiwarden.processor.model.RuntimeTypeNames;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * Writes an empty descriptor (no members: "no personal data" to {@code PersonalDataDescriptors})
 * over the one an earlier compilation left for a class that has no personal data members now. The
 * class file is written directly ({@link DescriptorClassFile} says why), and its source, as {@link
 * DescriptorGenerator} generates it, over the earlier source among the generated sources, so that
 * an IDE or a later compilation of that folder sees the same. Both are resources to the filer:
 * nothing is left for javac to compile.
 */
public final class EmptyDescriptorWriter {
  private final Filer filer;
  private final DescriptorGenerator generator;
  private final RuntimeTypeNames names;

  public EmptyDescriptorWriter(Filer filer, DescriptorGenerator generator, RuntimeTypeNames names) {
    this.filer = filer;
    this.generator = generator;
    this.names = names;
  }

  /** Writes the empty descriptor of {@code type}, a class of the top-level class {@code topLevel}. */
  public void write(TypeElement type, TypeElement topLevel) throws IOException {
    String binaryName = names.binaryName(type);
    String descriptorName = PersonalDataDescriptors.descriptorName(binaryName);
    int dot = descriptorName.lastIndexOf('.');
    String packageName = dot < 0 ? "" : descriptorName.substring(0, dot);
    String simpleName = descriptorName.substring(dot + 1);
    String source = generator.generate(type, List.of(), topLevel, new ArrayList<>()).toString();
    try (OutputStream out = filer.createResource(
        StandardLocation.CLASS_OUTPUT, packageName, simpleName + ".class", topLevel).openOutputStream()) {
      out.write(DescriptorClassFile.empty(descriptorName, binaryName));
    }
    try (Writer out = filer.createResource(
        StandardLocation.SOURCE_OUTPUT, packageName, simpleName + ".java", topLevel).openWriter()) {
      out.write(source);
    }
  }
}
