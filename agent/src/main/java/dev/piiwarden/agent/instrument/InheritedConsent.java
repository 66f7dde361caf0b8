package dev.piiwarden.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code @ConsentRequired} written on an abstract method (of an interface or an abstract class), or
 * on an interface or abstract class as a whole for its public abstract methods: a requirement of
 * the method that implements it, which is the code that runs. Java does not inherit method
 * annotations, and the implementing class's file does not name the annotation, so the pre-filter
 * asks this for each class it passes: the methods the class implements that a supertype requires
 * consent for, and what each requires.
 *
 * <p>Only the first implementation on the class chain is checked: a method that overrides one
 * already checked (a subclass's, a framework proxy's that hands the call on, even one that names
 * the interface again, as Spring's CGLIB proxies do) is not, as an override of an annotated
 * concrete method is not; a generic method's bridge hands its check to the method it calls. A
 * method's own annotation, and its class's, come before what it inherits.
 *
 * <p>What a type passes on to its subclasses ({@link Passed}) is recorded when the pre-filter is
 * given the type's class file, for the few types that pass anything on. The JVM
 * loads a class's supertypes after handing the class to the transformers, and a class loaded from
 * inside a transformer is handed to none (the JVM does not re-enter them on a thread), so a
 * supertype not yet loaded cannot be loaded here: what it passes on is read from its class file,
 * through the class's loader, once per loader and supertype. Not read: JDK types and the other
 * ignored packages, and the packages of common libraries ({@link #LIBRARIES}), which carry no PII
 * Warden annotations and hold most of the supertypes an application's classes have.
 */
final class InheritedConsent {
  /**
   * No method: what almost every class gets. Maps here are keyed by a method's name and
   * descriptor, {@code send(Ljava/lang/String;)Ljava/lang/String;}.
   */
  static final Map<String, Requirement> NONE = Map.of();
  private static final String CLASS_SUFFIX = ".class";
  /**
   * Packages of libraries whose types carry no PII Warden annotation (internal names). Their
   * classes are many and form deep hierarchies (a service's Jackson, Logback and database driver
   * alone: some 300 supertypes, each a class-file read at start-up); an application's annotated
   * interfaces are its own. Written with {@code |} for {@code /} and made at run time, because the
   * shade plugin rewrites literals that look like the names of packages it relocates.
   */
  static final String[] LIBRARIES = libraries(
      "org|springframework org|apache org|eclipse org|hibernate org|jboss com|fasterxml "
      + "ch|qos|logback org|slf4j io|micrometer io|netty reactor io|reactivex "
      + "org|reactivestreams io|grpc com|google com|zaxxer org|h2 org|postgresql com|mysql "
      + "org|mariadb org|hsqldb org|sqlite org|flywaydb org|liquibase liquibase jakarta "
      + "io|opentelemetry io|swagger org|yaml org|jetbrains okhttp3 okio retrofit2 org|junit "
      + "org|mockito org|objectweb org|aspectj org|xml org|w3c org|ietf com|github|benmanes "
      + "org|json io|undertow org|glassfish io|vertx io|quarkus io|micronaut org|keycloak "
      + "org|quartz com|lmax org|bouncycastle org|thymeleaf freemarker org|antlr org|codehaus "
      + "io|lettuce redis|clients org|mongodb com|mongodb org|elasticsearch co|elastic "
      + "org|testcontainers org|assertj org|hamcrest lombok org|mapstruct");
  private static final Set<String> LIBRARY_SET = Set.of(LIBRARIES);

  private final byte[] annotation;
  /** Per loader, per type's internal name: what it passes on to its subclasses. */
  private final Map<ClassLoader, Map<String, Passed>> passed = new WeakHashMap<>();
  /** The last loader's map, looked up without the lock: almost every class has the same loader. */
  private volatile LoaderTypes last;

  /** @param annotation the descriptor of {@code @ConsentRequired}, as the pre-filter looks for it */
  InheritedConsent(byte[] annotation) {
    this.annotation = annotation.clone();
  }

  /** What an abstract method of {@code declaredIn} asks of the method that implements it. */
  record Requirement(List<String> purposes, boolean skip, int subjectParameter, String declaredIn) {
    Requirement {
      purposes = List.copyOf(purposes);
    }
  }

  /**
   * What a type passes on to its subclasses: the requirements they must implement (its own
   * abstract ones and those of its supertypes it does not implement), and the keys of those it or
   * a superclass implements, so that a subclass naming the interface again is not checked again.
   */
  record Passed(Map<String, Requirement> open, Set<String> implemented) {
    static final Passed NOTHING = new Passed(NONE, Set.of());
  }

  /** The loader held weakly, as the map holds it, so that an application's loader can be collected. */
  private record LoaderTypes(WeakReference<ClassLoader> loader, Map<String, Passed> types) {}

  /**
   * The methods of the class {@code className}, defined by {@code loader} from {@code classFile}
   * (whose header is {@code header}), that implement a method a supertype requires consent for, by
   * key; {@link #NONE} for almost every class. Records what the class passes on to its own
   * subclasses when that is anything (a type that passes nothing on is not recorded: a subclass
   * loaded later reads its class file once, as it would before it loads).
   */
  Map<String, Requirement> enforcedIn(
      ClassLoader loader, String className, ClassHeader header, byte[] classFile) {
    Passed above = inheritedBy(loader, header);
    if (!header.namesDescriptor() && above.open().isEmpty()) {
      if (!above.implemented().isEmpty() && (header.access() & Opcodes.ACC_FINAL) == 0) {
        typesOf(loader).put(className, above);
      }
      return NONE;
    }
    Members members = Members.of(classFile);
    typesOf(loader).put(className, members.passedOn(above));
    Map<String, Requirement> enforced = new HashMap<>();
    for (Map.Entry<String, Requirement> required : above.open().entrySet()) {
      String implementation = members.implementation(required.getKey());
      if (implementation != null) {
        enforced.putIfAbsent(implementation, required.getValue());
      }
    }
    return enforced;
  }

  /**
   * Whether a supertype named in {@code header} could pass anything on: one of the application's,
   * neither ignored nor a library's.
   */
  static boolean mayInherit(ClassHeader header) {
    if (header.superName() != null && mayPassOn(header.superName())) {
      return true;
    }
    for (String named : header.interfaces()) {
      if (mayPassOn(named)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code type} (an internal name) is one of the application's: neither ignored nor a library's. */
  static boolean mayPassOn(String type) {
    return !IgnoredTypes.byInternalName(type) && !isLibrary(type);
  }

  /**
   * What the supertypes in {@code header} leave for the class to implement (superclass first),
   * less what a superclass implements already, and what its superclasses implement.
   */
  private Passed inheritedBy(ClassLoader loader, ClassHeader header) {
    Passed superclass = header.superName() == null ? Passed.NOTHING : openOf(loader, header.superName());
    Map<String, Requirement> open = merge(null, superclass.open());
    for (String named : header.interfaces()) {
      open = merge(open, openOf(loader, named).open());
    }
    if (open == null) {
      return superclass.implemented().isEmpty() ? Passed.NOTHING : new Passed(NONE, superclass.implemented());
    }
    open.keySet().removeAll(superclass.implemented());
    return new Passed(open, superclass.implemented());
  }

  private static Map<String, Requirement> merge(
      Map<String, Requirement> into, Map<String, Requirement> more) {
    if (more.isEmpty()) {
      return into;
    }
    Map<String, Requirement> merged = into == null ? new LinkedHashMap<>() : into;
    for (Map.Entry<String, Requirement> each : more.entrySet()) {
      merged.putIfAbsent(each.getKey(), each.getValue());
    }
    return merged;
  }

  /**
   * What {@code type}, a supertype of a class {@code loader} defines, passes on to its subclasses:
   * as recorded when it was loaded, else from its class file (then remembered).
   */
  private Passed openOf(ClassLoader loader, String type) {
    if (!mayPassOn(type)) {
      return Passed.NOTHING;
    }
    Map<String, Passed> known = typesOf(loader);
    Passed cached = known.get(type);
    if (cached != null) {
      return cached;
    }
    known.put(type, Passed.NOTHING); // a hierarchy that leads back to the type (no valid one does) ends here
    Passed read = read(loader, type);
    known.put(type, read);
    return read;
  }

  private static String[] libraries(String names) {
    String[] prefixes = names.split(" ");
    for (int i = 0; i < prefixes.length; i++) {
      prefixes[i] = prefixes[i].replace('|', '/') + '/';
    }
    return prefixes;
  }

  /**
   * Whether {@code type} is in a package of {@link #LIBRARIES}: its first one, two and three
   * name segments looked up in a set, not compared with each prefix in turn (this runs for every
   * supertype of every class loaded).
   */
  static boolean isLibrary(String type) {
    int end = 0;
    for (int segments = 0; segments < 3; segments++) {
      end = type.indexOf('/', end) + 1;
      if (end == 0) {
        return false;
      }
      if (LIBRARY_SET.contains(type.substring(0, end))) {
        return true;
      }
    }
    return false;
  }

  private Map<String, Passed> typesOf(ClassLoader loader) {
    LoaderTypes recent = last;
    if (recent != null && recent.loader().get() == loader) {
      return recent.types();
    }
    Map<String, Passed> types;
    synchronized (passed) {
      types = passed.computeIfAbsent(loader, any -> new ConcurrentHashMap<>());
    }
    last = new LoaderTypes(new WeakReference<>(loader), types);
    return types;
  }

  /** What {@code type} passes on, from its class file as {@code loader} gives it. */
  private Passed read(ClassLoader loader, String type) {
    byte[] classFile;
    try (InputStream in = loader.getResourceAsStream(type + CLASS_SUFFIX)) {
      if (in == null) {
        return Passed.NOTHING; // generated at run time, or not visible to this loader: nothing to read
      }
      classFile = in.readAllBytes();
    } catch (IOException | RuntimeException unreadable) {
      return Passed.NOTHING;
    }
    ClassHeader header = ClassHeader.read(classFile, annotation);
    Passed above = inheritedBy(loader, header);
    if (!header.namesDescriptor() && above.open().isEmpty()) {
      return above;
    }
    return Members.of(classFile).passedOn(above);
  }

  /** The methods of one class file that matter here. */
  private static final class Members extends ConsentScan {
    /** Abstract methods that carry the annotation, or come under the type's. */
    final Map<String, Requirement> declared = new LinkedHashMap<>();
    /** Instance methods with a body that are neither private nor static (bridges included). */
    final Set<String> concrete = new HashSet<>();
    /** A bridge's key, the key of the method it calls. */
    final Map<String, String> bridges = new HashMap<>();

    private Members() {}

    static Members of(byte[] classFile) {
      Members members = new Members();
      new ClassReader(classFile).accept(members, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      return members;
    }

    /**
     * What this class passes on, given what its supertypes pass to it: its own abstract
     * requirements and those it does not implement; what it and its superclasses implement.
     */
    Passed passedOn(Passed above) {
      Map<String, Requirement> open = new LinkedHashMap<>(declared);
      Set<String> implemented = new HashSet<>(above.implemented());
      for (Map.Entry<String, Requirement> required : above.open().entrySet()) {
        if (implementation(required.getKey()) == null) {
          open.putIfAbsent(required.getKey(), required.getValue());
        } else {
          implemented.add(required.getKey());
        }
      }
      if (open.isEmpty() && implemented.isEmpty()) {
        return Passed.NOTHING;
      }
      return new Passed(Map.copyOf(open), Set.copyOf(implemented));
    }

    /**
     * The key of the method of this class that implements {@code key}: that method, or the one
     * its bridge calls; null when the class has none.
     */
    String implementation(String key) {
      if (!concrete.contains(key)) {
        return null;
      }
      return bridges.getOrDefault(key, key);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      if ((access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) != 0 || name.charAt(0) == '<') {
        return null;
      }
      String key = name + descriptor;
      if ((access & Opcodes.ACC_ABSTRACT) == 0) {
        concrete.add(key);
        return (access & Opcodes.ACC_BRIDGE) == 0 ? null : new BridgeTarget(key, name);
      }
      return new AbstractMethod(key, typeCovers(access, name, descriptor));
    }

    /** Finds the method a bridge hands the call to: the first call on this class of the same name. */
    private final class BridgeTarget extends MethodVisitor {
      private final String key;
      private final String name;

      BridgeTarget(String key, String name) {
        super(Opcodes.ASM9);
        this.key = key;
        this.name = name;
      }

      @Override
      public void visitMethodInsn(
          int opcode, String calledOwner, String calledName, String descriptor, boolean isInterface) {
        if (opcode != Opcodes.INVOKESTATIC && calledOwner.equals(owner) && calledName.equals(name)) {
          bridges.putIfAbsent(key, calledName + descriptor);
        }
      }
    }

    /** Reads an abstract method's {@code @ConsentRequired} and {@code @DataSubject} parameter. */
    private final class AbstractMethod extends MethodVisitor {
      private final String key;
      private final boolean typeCovers;
      private ConsentMethodRewriter.RequiredValues onMethod;
      private int subjectParameter = -1;

      AbstractMethod(String key, boolean typeCovers) {
        super(Opcodes.ASM9);
        this.key = key;
        this.typeCovers = typeCovers;
      }

      @Override
      public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        if (!descriptor.equals(ConsentMethodRewriter.REQUIRED)) {
          return null;
        }
        onMethod = new ConsentMethodRewriter.RequiredValues(null);
        return onMethod;
      }

      @Override
      public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
        if (descriptor.equals(ConsentMethodRewriter.SUBJECT)
            && (subjectParameter < 0 || parameter < subjectParameter)) {
          subjectParameter = parameter;
        }
        return null;
      }

      @Override
      public void visitEnd() {
        ConsentMethodRewriter.RequiredValues required =
            onMethod != null ? onMethod : typeCovers ? onType : null;
        if (required != null && !required.purposes.isEmpty()) {
          declared.put(key, new Requirement(required.purposes, required.skip,
              subjectParameter, owner.replace('/', '.')));
        }
      }
    }
  }
}
