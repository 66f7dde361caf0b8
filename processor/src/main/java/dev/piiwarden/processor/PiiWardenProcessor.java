package dev.piiwarden.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.ElementKind;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.api.PersonalDataDescriptors;
import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.processor.model.ActivityFactory;
import dev.piiwarden.processor.model.AnnotationNames;
import dev.piiwarden.processor.model.DataElementFactory;
import dev.piiwarden.processor.model.DeclarationScanner;
import dev.piiwarden.processor.model.PersonalDataSite;
import dev.piiwarden.processor.model.RuntimeTypeNames;
import dev.piiwarden.processor.model.SourceLocator;
import dev.piiwarden.processor.model.SubjectResolver;
import dev.piiwarden.processor.model.SubjectTypes;
import dev.piiwarden.processor.model.TypeDeclarations;
import dev.piiwarden.processor.model.UnresolvedTypes;
import dev.piiwarden.processor.option.ProcessorOptions;
import dev.piiwarden.processor.validation.DeclarationValidator;
import dev.piiwarden.processor.writing.DescriptorGenerator;
import dev.piiwarden.processor.writing.FragmentWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * PII Warden's annotation processor: checks {@code @PersonalData}, {@code @DataSubject}, {@code
 * @ConsentRequired} and {@code @ProcessingActivity}, then writes one inventory fragment per
 * top-level class and a descriptor per class with personal data members.
 *
 * <p>It writes each file once per compilation, writes nothing after an error, and never throws:
 * an internal failure becomes one error diagnostic.
 */
@AutoService(Processor.class)
public final class PiiWardenProcessor extends AbstractProcessor {
  private DiagnosticReporter reporter;
  private boolean optionsRead;
  private ProcessorOptions options;
  private boolean haltNoted;
  private String stage = "starting";
  /** Fragments and descriptors written in this compilation, so none is created twice. */
  private final Set<String> written = new HashSet<>();
  /** Top-level classes that mention types not generated yet, looked at again next round. */
  private final Set<String> deferred = new TreeSet<>();

  private RuntimeTypeNames names;
  private DeclarationValidator validator;
  private DataElementFactory dataElements;
  private ActivityFactory activities;
  private FragmentWriter fragments;
  private DescriptorGenerator descriptors;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return AnnotationNames.all();
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
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reporter = new DiagnosticReporter(env.getMessager());
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(round);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable failure) {
      // Contain it: one clear error instead of a javac crash, and nothing more is written.
      reporter.report(Message.PW011, stage, failure, stackTrace(failure));
      noteHalt(true);
    }
    // PII Warden owns these annotations; claiming them keeps -Xlint:processing quiet.
    return true;
  }

  private void processRound(RoundEnvironment round) throws IOException {
    if (!optionsRead) {
      optionsRead = true;
      stage = "reading the options";
      options = ProcessorOptions.read(processingEnv.getOptions(), reporter).orElse(null);
      if (options != null) {
        createComponents();
      }
    }
    if (options == null) {
      noteHalt(true);
      return;
    }
    List<TypeDeclarations> declared = new ArrayList<>();
    for (TypeElement topLevel : topLevelTypes(round).values()) {
      stage = "checking " + names.binaryName(topLevel);
      TypeDeclarations declarations = DeclarationScanner.scan(topLevel, processingEnv.getElementUtils());
      if (UnresolvedTypes.in(declarations)) {
        // Another processor may generate the missing types; if none does, javac reports them.
        if (!round.processingOver()) {
          deferred.add(names.binaryName(topLevel));
        }
        continue;
      }
      validator.validate(declarations, reporter);
      declared.add(declarations);
    }
    if (reporter.errorCount() > 0 || round.errorRaised()) {
      noteHalt(!declared.isEmpty());
      return;
    }
    for (TypeDeclarations declarations : declared) {
      stage = "writing the output of " + names.binaryName(declarations.topLevel());
      write(declarations);
      if (reporter.errorCount() > 0) {
        noteHalt(true);
        return;
      }
    }
  }

  private void createComponents() {
    var types = processingEnv.getTypeUtils();
    var elements = processingEnv.getElementUtils();
    names = new RuntimeTypeNames(types, elements);
    SubjectTypes subjectTypes = new SubjectTypes(types, elements);
    SubjectResolver subjects = new SubjectResolver(subjectTypes);
    validator = new DeclarationValidator(options.taxonomy(), subjectTypes, subjects);
    dataElements = new DataElementFactory(options.taxonomy(), names, new SourceLocator(trees(), elements));
    activities = new ActivityFactory(names, subjects);
    fragments = new FragmentWriter(processingEnv.getFiler());
    descriptors = new DescriptorGenerator(names, types, elements);
  }

  /** javac's Trees, or null under a compiler without them (lines are then 0). */
  private Trees trees() {
    try {
      return Trees.instance(processingEnv);
    } catch (IllegalArgumentException notJavac) {
      return null;
    }
  }

  /** The top-level types that carry any of the annotations this round, sorted by name. */
  private Map<String, TypeElement> topLevelTypes(RoundEnvironment round) {
    Map<String, TypeElement> topLevel = new TreeMap<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        topLevel.put(name, type);
      }
    }
    deferred.clear();
    for (String annotation : AnnotationNames.all()) {
      TypeElement annotationType = processingEnv.getElementUtils().getTypeElement(annotation);
      if (annotationType == null) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(annotationType)) {
        TypeElement top = RuntimeTypeNames.topLevel(element);
        if (top != null) {
          topLevel.put(names.binaryName(top), top);
        }
      }
    }
    return topLevel;
  }

  private void write(TypeDeclarations declarations) {
    TypeElement topLevel = declarations.topLevel();
    String binaryName = names.binaryName(topLevel);
    if (!declarations.isEmpty() && written.add(FragmentWriter.path(binaryName))) {
      List<DataElement> elements = declarations.personalData().stream()
          .map(site -> dataElements.create(site, topLevel))
          .toList();
      List<Activity> methods = declarations.activityMethods().stream().map(activities::create).toList();
      try {
        fragments.write(topLevel, binaryName, new Inventory(elements, methods, List.of()));
      } catch (IOException e) {
        reporter.report(Message.PW015, topLevel, null, null, FragmentWriter.path(binaryName), e.getMessage());
        return;
      }
    }
    Map<TypeElement, List<PersonalDataSite>> members = declarations.personalData().stream()
        .filter(site -> site.kind() != ElementKind.PARAMETER)
        .collect(Collectors.groupingBy(PersonalDataSite::owner));
    for (TypeElement type : declarations.types()) {
      List<PersonalDataSite> sites = members.get(type);
      if (sites != null) {
        writeDescriptor(type, sites, topLevel);
      }
    }
  }

  private void writeDescriptor(TypeElement type, List<PersonalDataSite> sites, TypeElement topLevel) {
    String descriptorName = PersonalDataDescriptors.descriptorName(names.binaryName(type));
    Optional<String> unreachable = DescriptorGenerator.unreachable(type);
    if (unreachable.isPresent()) {
      reporter.report(Message.PW013, type, null, null, "Class " + names.binaryName(type), unreachable.get());
      return;
    }
    if (!written.add(descriptorName)) {
      return;
    }
    List<DescriptorGenerator.Skipped> skipped = new ArrayList<>();
    try {
      descriptors.generate(type, sites, topLevel, skipped).writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      reporter.report(Message.PW015, type, null, null, descriptorName, e.getMessage());
    }
    for (DescriptorGenerator.Skipped skip : skipped) {
      reporter.report(Message.PW013, skip.element(), null, null,
          "Member " + skip.element().getSimpleName() + " of " + names.binaryName(type), skip.reason());
    }
  }

  /** Says once that nothing (more) is written because of errors, when that withholds anything. */
  private void noteHalt(boolean withholdsOutput) {
    if (!haltNoted && (withholdsOutput || reporter.errorCount() > 0)) {
      haltNoted = true;
      reporter.report(Message.PW012, written.isEmpty() ? "" : " further");
    }
  }

  private static String stackTrace(Throwable failure) {
    return Arrays.stream(failure.getStackTrace())
        .limit(12)
        .map(frame -> "\tat " + frame)
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
