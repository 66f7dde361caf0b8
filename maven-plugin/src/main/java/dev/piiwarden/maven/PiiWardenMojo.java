package dev.piiwarden.maven;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import dev.piiwarden.maven.input.ModuleInventory;
import dev.piiwarden.maven.input.ModuleInventory.NoFragments;
import dev.piiwarden.maven.input.StaleFragments;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** What every goal shares: the module, its class folder and the skip flags. */
abstract class PiiWardenMojo extends AbstractMojo {
  private static final String PROCESSOR = "piiwarden-processor";
  private static final String COMPILER_PROC = "maven.compiler.proc";

  /** Skips every PII Warden goal. */
  @Parameter(property = "piiwarden.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /** The class folder whose inventory fragments (written by piiwarden-processor) are read. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
  File classesDirectory;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipGoal()) {
      getLog().info(PluginMessage.SKIPPED.format(goal(), skip ? "piiwarden.skip" : "piiwarden." + goal() + ".skip"));
      return;
    }
    run();
  }

  /** The goal's name, as in {@code piiwarden.<goal>.skip}. */
  abstract String goal();

  /** The goal's own skip flag. */
  abstract boolean skipGoal();

  /** The goal's work, once not skipped. */
  abstract void run() throws MojoExecutionException, MojoFailureException;

  /**
   * The merged inventory of {@code inputs}. Inputs without fragments are reported once per module
   * and inputs, though inventory, ropa and check all read them: a warning when their classes carry
   * PII Warden annotations (the processor did not run), else the processor is advised only when it
   * is not on the module's annotation processor path.
   */
  ModuleInventory readInventory(List<Path> inputs) throws MojoExecutionException {
    @SuppressWarnings("unchecked")
    Map<Object, Object> context = getPluginContext();
    boolean first = context == null || context.putIfAbsent("piiwarden.noFragments " + inputs, Boolean.TRUE) == null;
    NoFragments noFragments = !first ? null
        : processorConfigured() ? NoFragments.PROCESSOR_RAN : NoFragments.PROCESSOR_UNKNOWN;
    ModuleInventory read = ModuleInventory.read(inputs, getLog(), noFragments,
        session != null && session.isParallel(), processingOff());
    warnOfStaleFragments(inputs, context);
    return read;
  }

  /**
   * Once per module, by the first goal that reads the module's own class folder: the fragments of
   * classes whose source is gone (a class renamed or deleted, built without incremental compilation).
   */
  private void warnOfStaleFragments(List<Path> inputs, Map<Object, Object> context) throws MojoExecutionException {
    if (project == null || classesDirectory == null) {
      return;
    }
    Path own = classesDirectory.toPath().toAbsolutePath().normalize();
    if (inputs.stream().noneMatch(input -> input.toAbsolutePath().normalize().equals(own))
        || (context != null && context.putIfAbsent("piiwarden.staleFragments", Boolean.TRUE) != null)) {
      return;
    }
    String warning = StaleFragments.warning(own, StaleFragments.in(own, project.getCompileSourceRoots()));
    if (warning != null) {
      getLog().warn(warning);
    }
  }

  /**
   * The setting that turns annotation processing off for this module's compile, as the build log
   * should name it: the {@code maven.compiler.proc} property, or the compiler plugin's {@code proc}
   * or {@code -proc:none} argument; null when processing is on.
   */
  private String processingOff() {
    if (project == null) {
      return null;
    }
    String property = session != null ? session.getUserProperties().getProperty(COMPILER_PROC) : null;
    if (property == null) {
      property = project.getProperties().getProperty(COMPILER_PROC);
    }
    if ("none".equals(property)) {
      return COMPILER_PROC + "=none";
    }
    for (Xpp3Dom dom : compilerConfigurations(
        e -> e.getGoals().contains("compile") || "default-compile".equals(e.getId()))) {
      Xpp3Dom proc = dom.getChild("proc");
      if (proc != null && "none".equals(proc.getValue())) {
        return "<proc>none</proc>";
      }
      Xpp3Dom argument = dom.getChild("compilerArgument");
      Xpp3Dom arguments = dom.getChild("compilerArgs");
      List<Xpp3Dom> given = new ArrayList<>(arguments == null ? List.of() : List.of(arguments.getChildren()));
      if (argument != null) {
        given.add(argument);
      }
      for (Xpp3Dom arg : given) {
        if (arg.getValue() != null && arg.getValue().contains("-proc:none")) {
          return "-proc:none";
        }
      }
    }
    return null;
  }

  // piiwarden-processor on the maven-compiler-plugin's annotationProcessorPaths, or a dependency.
  private boolean processorConfigured() {
    if (project == null) {
      return false;
    }
    if (project.getArtifacts().stream().anyMatch(a -> PROCESSOR.equals(a.getArtifactId()))
        || project.getDependencies().stream().anyMatch(d -> PROCESSOR.equals(d.getArtifactId()))) {
      return true;
    }
    for (Xpp3Dom configuration : compilerConfigurations(e -> true)) {
      Xpp3Dom paths = configuration.getChild("annotationProcessorPaths");
      for (Xpp3Dom path : paths == null ? new Xpp3Dom[0] : paths.getChildren()) {
        Xpp3Dom artifactId = path.getChild("artifactId");
        if (artifactId != null && PROCESSOR.equals(artifactId.getValue())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The maven-compiler-plugin's configuration in this module and that of its executions {@code
   * executions} selects; none without the plugin.
   */
  private List<Xpp3Dom> compilerConfigurations(Predicate<PluginExecution> executions) {
    Plugin compiler = project.getPlugin("org.apache.maven.plugins:maven-compiler-plugin");
    List<Xpp3Dom> configurations = new ArrayList<>();
    if (compiler == null) {
      return configurations;
    }
    List<Object> all = new ArrayList<>();
    all.add(compiler.getConfiguration());
    compiler.getExecutions().stream().filter(executions).forEach(e -> all.add(e.getConfiguration()));
    for (Object configuration : all) {
      if (configuration instanceof Xpp3Dom dom) {
        configurations.add(dom);
      }
    }
    return configurations;
  }

  /**
   * Warns, one line per activity, of the activities that read data elements {@code inventory} does
   * not declare: {@code message} gets the activity, the count ("2 data elements"), "it" or "them",
   * then {@code more}.
   */
  void warnOfUnresolvedReads(Inventory inventory, PluginMessage message, Object... more) {
    RopaBuilder.unresolvedReads(inventory).forEach((activity, count) -> {
      List<Object> args = new ArrayList<>(List.of(activity, count == 1 ? "1 data element" : count + " data elements",
          count == 1 ? "it" : "them"));
      args.addAll(List.of(more));
      getLog().warn(message.format(args.toArray()));
    });
  }

  /** True, after logging why, when the module has no class folder (a pom module, no sources). */
  boolean noClasses() {
    if (classesDirectory.isDirectory()) {
      return false;
    }
    getLog().info(PluginMessage.NO_CLASSES.format(goal(), classesDirectory));
    return true;
  }
}
