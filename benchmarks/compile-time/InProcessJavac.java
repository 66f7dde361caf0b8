import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;

/**
 * Runs javac through {@code javax.tools} in this JVM, as Maven does without {@code fork}, and says
 * where each compile's time went, from the JVM's own counters.
 *
 * <p>Usage: {@code java -cp DIR InProcessJavac COMPILES ARGS...}: compiles {@code COMPILES} times
 * with the javac arguments {@code ARGS}, the folder after {@code -d} getting one sub-folder per
 * compile ({@code compile-1}, {@code compile-2}, …), and prints one line per compile: {@code compile N wall S main S process S jit S gc
 * S classes N}, in seconds: wall time, CPU time of the thread running javac, CPU time of the whole
 * process (JIT and GC threads included), time the JIT compilers spent, time in garbage collection,
 * and classes loaded, each as the difference over that compile. The first compile of a JVM is what
 * a {@code javac} run costs; later ones show javac warm.
 */
public final class InProcessJavac {
  private InProcessJavac() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: InProcessJavac COMPILES JAVAC-ARGS...");
      System.exit(2);
    }
    int compiles = Integer.parseInt(args[0]);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    for (int n = 1; n <= compiles; n++) {
      List<String> javacArgs = new ArrayList<>();
      for (int i = 1; i < args.length; i++) {
        boolean output = i > 1 && args[i - 1].equals("-d");
        javacArgs.add(output ? Files.createDirectories(Path.of(args[i], "compile-" + n)).toString() : args[i]);
      }
      long wall = System.nanoTime();
      long main = threads.getCurrentThreadCpuTime();
      long process = os.getProcessCpuTime();
      long compiling = jit.getTotalCompilationTime();
      long collecting = gcMillis();
      long loaded = classes.getTotalLoadedClassCount();
      int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, javacArgs.toArray(String[]::new));
      System.out.printf("compile %d wall %.2f main %.2f process %.2f jit %.2f gc %.2f classes %d%n", n,
          (System.nanoTime() - wall) / 1e9, (threads.getCurrentThreadCpuTime() - main) / 1e9,
          (os.getProcessCpuTime() - process) / 1e9, (jit.getTotalCompilationTime() - compiling) / 1e3,
          (gcMillis() - collecting) / 1e3, classes.getTotalLoadedClassCount() - loaded);
      if (status != 0) {
        System.err.println("javac failed (exit " + status + ") in compile " + n);
        System.exit(1);
      }
    }
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, collector.getCollectionTime());
    }
    return total;
  }
}
