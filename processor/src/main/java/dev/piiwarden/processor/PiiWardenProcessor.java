package dev.piiwarden.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.Trees;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.ConsentRequirement;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.ElementKind;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.api.PersonalDataDescriptors;
import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.core.text.QuotedValue;
import dev.piiwarden.processor.flow.AnalyzeListener;
import dev.piiwarden.processor.flow.ClassFlow;
import dev.piiwarden.processor.flow.FlowAnalysis;
import dev.piiwarden.processor.flow.FlowChecks;
import dev.piiwarden.processor.flow.JavacTaskLocator;
import dev.piiwarden.processor.flow.LambdaConsentCheck;
import dev.piiwarden.processor.flow.MethodFacts;
import dev.piiwarden.processor.flow.SinkCatalogue;
import dev.piiwarden.processor.flow.SinkCatalogueException;
import dev.piiwarden.processor.model.ActivityFactory;
import dev.piiwarden.processor.model.AnnotationNames;
import dev.piiwarden.processor.model.ConsentInheritance;
import dev.piiwarden.processor.model.DataElementFactory;
import dev.piiwarden.processor.model.DeclarationScanner;
import dev.piiwarden.processor.model.ObjectMethodOverride;
import dev.piiwarden.processor.model.PersonalDataSite;
import dev.piiwarden.processor.model.RuntimeTypeNames;
import dev.piiwarden.processor.model.SourceLocator;
import dev.piiwarden.processor.model.SubjectResolver;
import dev.piiwarden.processor.model.SubjectTypes;
import dev.piiwarden.processor.model.TypeDeclarations;
import dev.piiwarden.processor.model.UnresolvedTypes;
import dev.piiwarden.processor.option.AbsentSinkTypes;
import dev.piiwarden.processor.option.ProcessorOptions;
import dev.piiwarden.processor.validation.DeclarationValidator;
import dev.piiwarden.processor.validation.InheritedImplementationCheck;
import dev.piiwarden.processor.writing.DescriptorGenerator;
import dev.piiwarden.processor.writing.EarlierOutput;
import dev.piiwarden.processor.writing.EmptyDescriptorWriter;
import dev.piiwarden.processor.writing.FragmentWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * PII Warden's annotation processor: checks {@code @PersonalData}, {@code @DataSubject}, {@code
 * @ConsentRequired} and {@code @ProcessingActivity}, then writes one inventory fragment per
 * top-level class and a descriptor per class with personal data members.
 *
 * <p>Descriptors are written during the rounds (javac must compile them). Fragments need the
 * method-body analysis, which runs after attribution: a javac {@code TaskListener} on the {@code
 * ANALYZE} event of each top-level class analyses it and writes its fragment then; the Filer still
 * accepts resources at that point (JDK 17 and 25). Attribution is not available inside {@code
 * process()}, so analysing there would see unresolved trees. Fragments whose class never reaches
 * {@code ANALYZE} ({@code -proc:only}) are written, declarations only, when the compilation ends.
 * Without javac, or with {@code piiwarden.flow=false}, fragments are written in the rounds.
 *
 * <p>A class recompiled into an output folder that holds its earlier fragment or descriptors, with
 * nothing left to record or describe, gets them overwritten by empty ones at its ANALYZE event
 * ({@link EarlierOutput}).
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
  /** The class each descriptor name was given to: two classes may not share one (PW022). */
  private final Map<String, String> descriptorOwners = new HashMap<>();
  /** Top-level classes that mention types not generated yet, looked at again next round. */
  private final Set<String> deferred = new TreeSet<>();

  private RuntimeTypeNames names;
  private DeclarationValidator validator;
  private ConsentInheritance inheritance;
  private InheritedImplementationCheck inheritedImplementations;
  private DataElementFactory dataElements;
  private SourceLocator locator;
  private ActivityFactory activities;
  private FragmentWriter fragments;
  private DescriptorGenerator descriptors;
  private EarlierOutput earlier;
  private EmptyDescriptorWriter emptyDescriptors;

  /**
   * The option kapt (Kotlin's annotation processing) passes to every processor. kapt runs javac's
   * processing over Java stubs of the Kotlin classes, and stops before javac would analyse them:
   * their bodies are empty, and no analysis event ever comes.
   */
  static final String KAPT_OPTION = "kapt.kotlin.generated";

  /** javac behind the (possibly wrapped) environment, or the reason it is not there. */
  private JavacTaskLocator.Located javac;
  /** javac's events, and which classes this compilation compiles from source. */
  private AnalyzeListener listener;
  private FlowAnalysis flow;
  private FlowChecks flowChecks;
  private LambdaConsentCheck lambdaConsent;
  /**
   * Checked top-level classes whose fragment waits for their ANALYZE event. Their declarations are
   * scanned again then: javac re-enters classes between rounds, so member elements seen in a round
   * are stale afterwards.
   */
  private final Map<String, TypeElement> pending = new TreeMap<>();
  /** Set once an error (javac's or ours) means nothing more may be written. */
  private boolean halted;

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
    try {
      javac = env.getOptions().containsKey(KAPT_OPTION)
          ? new JavacTaskLocator.Located(null, null, "kapt runs annotation processors over stubs of"
              + " the Kotlin classes, which have no method bodies")
          : JavacTaskLocator.locate(env);
      if (javac.task() != null) {
        // Registered here, not in process(): a class without PII Warden annotations still has
        // bodies worth analysing (a module that only logs what it is handed).
        listener = new AnalyzeListener(new FlowEvents());
        javac.task().addTaskListener(listener);
      }
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable failure) {
      javac = new JavacTaskLocator.Located(null, null, "the analysis could not be registered: " + failure);
    }
  }

  /** The analysis's entry points, called by javac after the rounds. */
  private final class FlowEvents implements AnalyzeListener.Callback {
    @Override
    public void analyzed(CompilationUnitTree unit, TypeElement topLevel) {
      contained(() -> analyze(unit, topLevel));
    }

    @Override
    public void compilationFinished() {
      contained(PiiWardenProcessor.this::finish);
    }
  }

  private interface Step {
    void run() throws IOException;
  }

  private void contained(Step step) {
    try {
      step.run();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable failure) {
      reporter.report(Message.PW011, stage, failure, stackTrace(failure));
      halted = true;
      noteHalt(true);
    }
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
      halted = true;
      noteHalt(true);
    }
    // PII Warden owns these annotations; claiming them keeps -Xlint:processing quiet.
    return true;
  }

  /** Reads the options once, from the first round or, without rounds, the first analysed class. */
  private void readOptions() {
    if (optionsRead) {
      return;
    }
    optionsRead = true;
    stage = "reading the options";
    options = ProcessorOptions.read(processingEnv.getOptions(), reporter).orElse(null);
    if (options == null) {
      return;
    }
    SinkCatalogue catalogue = null;
    if (options.flow() && javac.task() != null) {
      try {
        catalogue = SinkCatalogue.load(options.sinks());
        AbsentSinkTypes.report(catalogue, processingEnv.getElementUtils(), reporter);
      } catch (SinkCatalogueException e) {
        reporter.report(Message.PW020, QuotedValue.shown(e.getMessage()));
        options = null;
        return;
      }
    } else if (options.flow()) {
      reporter.report(Message.PW019, javac.reason());
    }
    createComponents(catalogue);
  }

  private boolean flowActive() {
    return flow != null;
  }

  private void processRound(RoundEnvironment round) throws IOException {
    readOptions();
    if (options == null) {
      noteHalt(true);
      return;
    }
    // javac enters a round's classes anew: what an earlier round cached is not what it compares now
    inheritance.forgetRound();
    List<TypeDeclarations> declared = new ArrayList<>();
    boolean unresolvedValues = false;
    for (TypeElement topLevel : topLevelTypes(round).values()) {
      stage = "checking " + names.binaryName(topLevel);
      TypeDeclarations declarations = DeclarationScanner.scan(topLevel, processingEnv.getElementUtils());
      boolean unresolvedTypes = UnresolvedTypes.in(declarations);
      if ((unresolvedTypes || !declarations.unresolved().isEmpty()) && !round.processingOver()) {
        // Another processor may generate the missing types or constants; if none does, javac reports them.
        deferred.add(names.binaryName(topLevel));
        continue;
      }
      if (unresolvedTypes) {
        continue;
      }
      // an annotation with a value javac could not resolve is left out: javac reports it
      validator.validate(declarations, reporter);
      if (declarations.unresolved().isEmpty()) {
        declared.add(declarations);
      } else {
        unresolvedValues = true;
      }
    }
    // every class, annotated or not: the implementing class usually carries no annotation
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement type) {
        stage = "checking the consent " + names.binaryName(type) + " inherits";
        inheritedImplementations.check(type, reporter);
      }
    }
    if (reporter.errorCount() > 0 || round.errorRaised()) {
      halted = true;
      noteHalt(!declared.isEmpty() || !pending.isEmpty());
      return;
    }
    if (unresolvedValues) {
      // javac reports the value after the rounds and fails the compilation; PW012 would point at
      // errors above that are not there yet, so nothing more is written without a word of ours
      halted = true;
      haltNoted = true;
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

  /**
   * With {@code piiwarden.flow=false} only annotated classes are seen in the rounds, and javac
   * does not even call the processor when no class carries an annotation: at its ANALYZE event, a
   * class that carries none any more gets its earlier fragment, if the output holds one,
   * overwritten by an empty one. (With the analysis every compiled class is written there anyway.)
   * Its types without a descriptor in this compilation get their earlier ones emptied.
   */
  private void overwriteStale(CompilationUnitTree unit, TypeElement topLevel) {
    String binaryName = names.binaryName(topLevel);
    if (halted || reporter.errorCount() > 0 || !onDisk(unit) || !earlier.hasFragment(binaryName)) {
      return;
    }
    TypeDeclarations declarations = DeclarationScanner.scan(topLevel, processingEnv.getElementUtils());
    emptyStaleDescriptors(declarations);
    stage = "writing the fragment of " + binaryName;
    if (!halted && !written.contains(FragmentWriter.path(binaryName)) && declarations.isEmpty()) {
      writeFragment(topLevel, new Inventory(List.of(), List.of(), List.of()), unit);
    }
  }

  /**
   * Before a recompiled class's fragment is written: each of its types that had a descriptor in
   * an earlier compilation and has none in this one (no {@code @PersonalData} member left, or
   * private now) gets an empty descriptor over the earlier one, which would otherwise still be
   * redacted and exported, or fail on a member that is gone. A class that had a descriptor had a
   * fragment, so callers ask only for a class whose source is a file and whose fragment is in the
   * output: the others cost a set look-up; these one folder listing per package, and a class file
   * read per descriptor found.
   */
  private void emptyStaleDescriptors(TypeDeclarations declarations) {
    TypeElement topLevel = declarations.topLevel();
    for (TypeElement type : declarations.types()) {
      String binaryName = names.binaryName(type);
      String descriptorName = PersonalDataDescriptors.descriptorName(binaryName);
      if (written.contains(descriptorName) || descriptorOwners.containsKey(descriptorName)
          || !earlier.holdsDescriptorOf(descriptorName, binaryName)) {
        continue;
      }
      stage = "emptying the earlier descriptor of " + binaryName;
      written.add(descriptorName);
      try {
        emptyDescriptors.write(type, topLevel);
      } catch (IOException e) {
        reporter.report(Message.PW015, type, null, null, descriptorName, e.getMessage());
        halted = true;
        noteHalt(true);
        return;
      }
    }
  }

  private void createComponents(SinkCatalogue catalogue) {
    var types = processingEnv.getTypeUtils();
    var elements = processingEnv.getElementUtils();
    names = new RuntimeTypeNames(types, elements);
    SubjectTypes subjectTypes = new SubjectTypes(types, elements);
    SubjectResolver subjects = new SubjectResolver(subjectTypes);
    validator = new DeclarationValidator(options.taxonomy(), subjectTypes, subjects);
    locator = new SourceLocator(trees(), elements);
    dataElements = new DataElementFactory(options.taxonomy(), names, locator);
    inheritance = new ConsentInheritance(elements, types);
    inheritedImplementations = new InheritedImplementationCheck(inheritance);
    activities = new ActivityFactory(names, subjects, inheritance);
    fragments = new FragmentWriter(processingEnv.getFiler(), reporter);
    descriptors = new DescriptorGenerator(names, types, elements, trees());
    earlier = new EarlierOutput(processingEnv.getFiler());
    emptyDescriptors = new EmptyDescriptorWriter(processingEnv.getFiler(), descriptors, names);
    if (catalogue != null) {
      Trees trees = trees();
      flow = new FlowAnalysis(trees, types, elements, names, catalogue,
          binaryName -> listener.compiledHere(binaryName) || fragments.onClassPath(binaryName),
          binaryName -> {
            Inventory fragment = listener.compiledHere(binaryName) ? null : fragments.readFromClassPath(binaryName);
            return fragment == null ? List.of() : fragment.summaries();
          });
      flowChecks = new FlowChecks(options.taxonomy(), reporter, trees, flow::categoryOf);
      lambdaConsent = new LambdaConsentCheck(trees, types, elements, names, inheritance, reporter);
    }
  }

  /** javac's Trees, or null under a compiler without them (lines are then 0). */
  private Trees trees() {
    return javac == null || javac.javacEnvironment() == null ? null : Trees.instance(javac.javacEnvironment());
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
    if (flowActive()) {
      if (!written.contains(FragmentWriter.path(binaryName))) {
        pending.put(binaryName, topLevel);
      }
    } else if (!writeFragment(topLevel, assemble(declarations, null, null))) {
      return;
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

  /** At a top-level class's ANALYZE event: analyse its bodies, check them, write its fragment. */
  private void analyze(CompilationUnitTree unit, TypeElement topLevel) throws IOException {
    readOptions();
    if (options != null && !flowActive()) {
      overwriteStale(unit, topLevel);
      return;
    }
    if (!flowActive()) {
      return;
    }
    String binaryName = names.binaryName(topLevel);
    stage = "analysing the method bodies of " + binaryName;
    boolean declared = pending.remove(binaryName) != null;
    if (halted || reporter.errorCount() > 0) {
      halted = true;
      noteHalt(declared);
      return;
    }
    if (binaryName.endsWith(PersonalDataDescriptors.SUFFIX) && written.contains(binaryName)) {
      return; // a descriptor this processor generated: it only reads the members it describes
    }
    TypeDeclarations declarations =
        declared ? DeclarationScanner.scan(topLevel, processingEnv.getElementUtils()) : null;
    ClassFlow analysed = flow.analyze(unit, topLevel);
    if (analysed != null && analysed.erroneous()) {
      halted = true; // javac reported errors in this class; it writes no class files either
      noteHalt(true);
      return;
    }
    if (analysed != null) {
      flowChecks.unrecorded(analysed, unit);
      lambdaConsent.check(unit, topLevel);
    }
    Inventory fragment = assemble(declarations, analysed, unit);
    if (reporter.errorCount() > 0) {
      halted = true;
      noteHalt(true);
      return;
    }
    if (onDisk(unit) && earlier.hasFragment(binaryName)) {
      // asked before this class's fragment is written, so the listing shows an earlier one
      emptyStaleDescriptors(declarations != null ? declarations
          : DeclarationScanner.scan(topLevel, processingEnv.getElementUtils()));
      if (halted) {
        return;
      }
    }
    stage = "writing the fragment of " + binaryName;
    writeFragment(topLevel, fragment, unit);
  }

  /**
   * When the compilation ends: PW018 for logged values that methods analysed after their callers
   * return, then the fragments of classes that never reached ANALYZE (-proc:only).
   */
  private void finish() throws IOException {
    if (flowActive() && !halted && reporter.errorCount() == 0) {
      stage = "checking what returned values reach";
      flow.checkLateSinks(flowChecks);
    }
    writePending();
  }

  private void writePending() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    if (halted || reporter.errorCount() > 0) {
      pending.clear();
      noteHalt(true);
      return;
    }
    for (TypeElement topLevel : List.copyOf(pending.values())) {
      stage = "writing the fragment of " + names.binaryName(topLevel);
      TypeDeclarations declarations = DeclarationScanner.scan(topLevel, processingEnv.getElementUtils());
      if (!writeFragment(declarations.topLevel(), assemble(declarations, null, null))) {
        break;
      }
    }
    pending.clear();
  }

  /**
   * The fragment of a top-level class: its declarations (with the activities of methods that
   * implement an abstract method requiring consent, {@link ConsentInheritance}), and, when its
   * bodies were analysed, every method that reads personal data as an activity with its reads,
   * calls and sinks (but not a class's own equals, hashCode or toString that sinks nothing), plus
   * the method summaries; when they were not, the class is named in {@code withoutBodyAnalysis}.
   * Runs the body checks on the way.
   */
  private Inventory assemble(TypeDeclarations declarations, ClassFlow analysed, CompilationUnitTree unit) {
    List<DataElement> elements = declarations == null ? List.of() : declarations.personalData().stream()
        .map(site -> dataElements.create(site, declarations.topLevel()))
        .toList();
    Map<ExecutableElement, Activity> byMethod = new LinkedHashMap<>();
    if (declarations != null) {
      for (ExecutableElement method : declarations.activityMethods()) {
        byMethod.put(method, activityOf(method));
      }
      for (TypeElement type : declarations.types()) {
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
          if (!byMethod.containsKey(method) && activities.inheritsConsent(method)) {
            byMethod.put(method, activityOf(method));
          }
        }
      }
    }
    if (analysed == null) {
      // said in the fragment, so that every inventory merged from it says its flows may be missing
      List<String> unanalysed = declarations == null ? List.of() : List.of(names.binaryName(declarations.topLevel()));
      return new Inventory(Inventory.SCHEMA, elements, List.copyOf(byMethod.values()), List.of(), List.of(), unanalysed);
    }
    for (MethodFacts facts : analysed.methods().values()) {
      if (!facts.readIds().isEmpty() && !facts.accessor() && !byMethod.containsKey(facts.method())
          && !(ObjectMethodOverride.is(facts.method()) && facts.sinkRecords().isEmpty())) {
        byMethod.put(facts.method(), activityOf(facts.method()));
      }
    }
    for (MethodFacts facts : analysed.methods().values()) {
      if (!byMethod.containsKey(facts.method())) {
        flowChecks.sinks(facts, unit); // a method that reads nothing itself may log what a call hands back
      }
    }
    List<Activity> filled = new ArrayList<>();
    Map<ExecutableElement, List<String>> consents = new HashMap<>(); // of callers, asked only for PW017
    Function<ExecutableElement, List<String>> consentOf = method -> consents.computeIfAbsent(method, m -> {
      if (m.getKind() != javax.lang.model.element.ElementKind.METHOD) {
        return null; // the agent checks consent in no constructor
      }
      Activity known = byMethod.get(m);
      ConsentRequirement consent = (known != null ? known : activities.create(m)).consent();
      return consent == null ? null : consent.purposes();
    });
    for (Map.Entry<ExecutableElement, Activity> entry : byMethod.entrySet()) {
      Activity activity = entry.getValue();
      MethodFacts facts = analysed.methods().get(entry.getKey());
      if (facts != null) {
        flowChecks.check(activity, facts, unit, analysed.privateCallers(), consentOf);
        activity = new Activity(activity.id(), activity.type(), activity.method(), activity.name(),
            activity.purposes(), activity.consent(), activity.subjectFrom(), facts.readIds(), facts.calls(),
            facts.sinkRecords(), activity.source(), facts.writeIds());
      }
      filled.add(activity);
    }
    return new Inventory(Inventory.SCHEMA, elements, filled, List.of(), analysed.summaries());
  }

  /** The activity of a method, with where the method is declared. */
  private Activity activityOf(ExecutableElement method) {
    return activities.create(method).withSource(locator.locate(method, RuntimeTypeNames.topLevel(method)));
  }

  /**
   * Writes a fragment unless already written, or empty with no earlier fragment of the class in the
   * output to overwrite; false when writing failed (PW015). An empty fragment is a valid document
   * with nothing in it.
   */
  private boolean writeFragment(TypeElement topLevel, Inventory fragment) {
    return writeFragment(topLevel, fragment, null);
  }

  /** {@link #writeFragment}; an empty one only over an earlier one, looked for when {@code unit} is a file. */
  private boolean writeFragment(TypeElement topLevel, Inventory fragment, CompilationUnitTree unit) {
    String binaryName = names.binaryName(topLevel);
    boolean empty = fragment.dataElements().isEmpty() && fragment.activities().isEmpty()
        && fragment.summaries().isEmpty();
    if ((empty && !(onDisk(unit) && earlier.hasFragment(binaryName)))
        || !written.add(FragmentWriter.path(binaryName))) {
      return true;
    }
    try {
      fragments.write(topLevel, binaryName, fragment);
      return true;
    } catch (IOException e) {
      reporter.report(Message.PW015, topLevel, null, null, FragmentWriter.path(binaryName), e.getMessage());
      halted = true;
      return false;
    }
  }

  /** Whether a compilation unit is a file on disk, whose class output may hold earlier fragments. */
  private static boolean onDisk(CompilationUnitTree unit) {
    return unit != null && unit.getSourceFile() != null && "file".equals(unit.getSourceFile().toUri().getScheme());
  }

  private void writeDescriptor(TypeElement type, List<PersonalDataSite> sites, TypeElement topLevel) {
    String descriptorName = PersonalDataDescriptors.descriptorName(names.binaryName(type));
    Optional<String> unreachable = DescriptorGenerator.unreachable(type);
    if (unreachable.isPresent()) {
      reporter.report(Message.PW013, type, null, null, "Class " + names.binaryName(type), unreachable.get(),
          "PersonalDataExport and log redaction read its annotations by reflection instead, which a"
              + " named module must open its package to; make it non-private to have it read without"
              + " reflection.");
      return;
    }
    String claimedBy = descriptorOwners.putIfAbsent(descriptorName, names.binaryName(type));
    if (claimedBy != null && !claimedBy.equals(names.binaryName(type))) {
      reporter.report(Message.PW022, type, null, null, "Class " + names.binaryName(type),
          claimedBy, descriptorName);
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
          "Member " + skip.element().getSimpleName() + " of " + names.binaryName(type), skip.reason(),
          "PersonalDataExport and log redaction will not see it; make it non-private to include it.");
    }
  }

  /** Says once that nothing (more) is written because of errors, when that withholds anything. */
  private void noteHalt(boolean withholdsOutput) {
    if (!haltNoted && (withholdsOutput || reporter.errorCount() > 0)) {
      haltNoted = true;
      reporter.report(Message.PW012, written.isEmpty() ? "" : " further");
    }
  }

  /** The failure's first frames, then each cause with its first frames, as a report needs them. */
  private static String stackTrace(Throwable failure) {
    StringBuilder trace = new StringBuilder(frames(failure, 12));
    int depth = 0;
    for (Throwable cause = failure.getCause(); cause != null && cause != failure && depth < 5;
        cause = cause.getCause(), depth++) {
      trace.append(System.lineSeparator()).append("Caused by: ").append(cause)
          .append(System.lineSeparator()).append(frames(cause, 6));
    }
    return trace.toString();
  }

  private static String frames(Throwable failure, int count) {
    return Arrays.stream(failure.getStackTrace())
        .limit(count)
        .map(frame -> "\tat " + frame)
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
