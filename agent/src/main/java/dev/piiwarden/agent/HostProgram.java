package dev.piiwarden.agent;

/**
 * What the JVM the agent starts in runs, from the {@code sun.java.command} the launcher sets. An
 * agent put into every JVM through {@code JAVA_TOOL_OPTIONS} (the usual way to add one to a
 * container) also reaches the JDK's own tools ({@code jcmd}, {@code jstack}, {@code jps}, {@code
 * keytool}, {@code javac}…), the build tools' own JVMs (Maven, the Maven daemon, Gradle's client,
 * wrapper and daemon) and the {@code piiwarden} command line: there it has nothing to enforce or
 * redact, and starting would add their runs to the trail as restarts of the application, or stop
 * a tool run in a folder it cannot write. The JVMs a build forks to run tests (Surefire's, Gradle's
 * workers) run the application's code and get the agent.
 */
final class HostProgram {
  private static final String[] TOOL_PACKAGES = {
    "sun.tools.", "com.sun.tools.", "sun.security.tools.", "sun.jvm.hotspot.", "jdk.internal.", "jdk.jfr.internal.",
    "jdk.jshell.", "dev.piiwarden.cli.",
    // build tools: mvn, mvnw, mvnd, gradle, gradlew and the Gradle daemon
    "org.codehaus.plexus.classworlds.launcher.", "org.apache.maven.wrapper.", "org.mvndaemon.mvnd.",
    "org.gradle.launcher.GradleMain", "org.gradle.wrapper.", "org.gradle.launcher.daemon.bootstrap."
  };

  private HostProgram() {}

  /** The JDK's launcher of a single-file program ({@code java App.java}): the program is an application. */
  private static final String SOURCE_LAUNCHER = "com.sun.tools.javac.launcher.Main";

  /**
   * Whether this JVM runs a JDK tool, a build tool or the PII Warden command line and got the agent
   * through {@code JAVA_TOOL_OPTIONS}: an agent given on a command line of its own is never left
   * out.
   */
  static boolean isTool() {
    return givenToEveryJvm(System.getenv("JAVA_TOOL_OPTIONS")) && isTool(System.getProperty("sun.java.command"));
  }

  /** Whether {@code JAVA_TOOL_OPTIONS} ({@code options}) gives a {@code -javaagent} to every JVM. */
  static boolean givenToEveryJvm(String options) {
    return options != null && options.contains("-javaagent:");
  }

  /**
   * Whether {@code command} ({@code sun.java.command}: the main class or jar, then the arguments;
   * a class in a module as {@code module/class}) names a JDK tool, a build tool or the PII Warden
   * command line.
   * A JVM with no command (one a native program created) is no tool.
   */
  static boolean isTool(String command) {
    if (command == null || command.isBlank()) {
      return false;
    }
    String main = command.strip();
    int blank = main.indexOf(' ');
    main = blank < 0 ? main : main.substring(0, blank);
    int slash = main.indexOf('/');
    if (main.endsWith("/" + SOURCE_LAUNCHER) || main.equals(SOURCE_LAUNCHER)) {
      return false; // java App.java: the JDK compiles and runs the user's program
    }
    if (slash > 0 && !main.endsWith(".jar")) {
      String module = main.substring(0, slash);
      if (module.startsWith("jdk.") || module.startsWith("java.")) {
        return true; // jdk.jcmd/sun.tools.jcmd.JCmd
      }
      main = main.substring(slash + 1);
    }
    if (main.endsWith(".jar")) {
      String name = main.substring(main.lastIndexOf('/') + 1);
      return name.equals("piiwarden.jar") || (name.startsWith("piiwarden-cli-") && name.endsWith(".jar"));
    }
    for (String tools : TOOL_PACKAGES) {
      if (main.startsWith(tools)) {
        return true;
      }
    }
    return false;
  }
}
