package dev.piiwarden.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The reactor as the aggregating goals see it: they do their work in the last module that runs the
 * goal, over the class folders of the modules up to it, and write to the top-level project.
 */
final class Reactor {
  /** How often a waiting module looks at the other modules' build summaries. */
  static final long POLL_MILLIS = 200;

  private Reactor() {}

  /**
   * The last module of the reactor that runs {@code execution}'s goal: one with the goal bound in its
   * build (or any, for a goal named on the command line) and not skipped by {@code skip} or the
   * goal's own skip flag. A last module that is a BOM without the plugin, or that sets {@code
   * piiwarden.skip}, must not leave the reactor-wide work undone.
   */
  static MavenProject lastRunning(MavenSession session, MojoExecution execution, String goal, MavenProject current) {
    List<MavenProject> projects = session.getProjects();
    for (int i = projects.size() - 1; i >= 0; i--) {
      if (projects.get(i).getId().equals(current.getId()) || runs(session, projects.get(i), execution, goal)) {
        return projects.get(i);
      }
    }
    return current;
  }

  private static boolean runs(MavenSession session, MavenProject module, MojoExecution execution, String goal) {
    Plugin plugin = module.getPlugin(execution.getPlugin().getKey());
    if (execution.getSource() != MojoExecution.Source.CLI && (plugin == null
        || plugin.getExecutions().stream().noneMatch(e -> e.getGoals().contains(goal)))) {
      return false;
    }
    String goalSkip = "skip" + Character.toUpperCase(goal.charAt(0)) + goal.substring(1);
    return !flag(session, module, plugin, execution, "skip", "piiwarden.skip")
        && !flag(session, module, plugin, execution, goalSkip, "piiwarden." + goal + ".skip");
  }

  /** A boolean parameter as Maven sets it: the execution's or plugin's configuration, else its property. */
  private static boolean flag(MavenSession session, MavenProject module, Plugin plugin, MojoExecution execution,
      String parameter, String property) {
    String value = null;
    if (plugin != null) {
      PluginExecution own = plugin.getExecutionsAsMap().get(execution.getExecutionId());
      value = child(own == null ? null : own.getConfiguration(), parameter);
      if (value == null) {
        value = child(plugin.getConfiguration(), parameter);
      }
    }
    if (value == null) {
      value = "${" + property + "}";
    }
    if (value.startsWith("${") && value.endsWith("}")) {
      String name = value.substring(2, value.length() - 1);
      value = session.getUserProperties().getProperty(name,
          session.getSystemProperties().getProperty(name, module.getProperties().getProperty(name)));
    }
    return Boolean.parseBoolean(value == null ? null : value.strip());
  }

  private static String child(Object configuration, String name) {
    Xpp3Dom child = configuration instanceof Xpp3Dom dom ? dom.getChild(name) : null;
    return child == null ? null : child.getValue();
  }

  /**
   * For a reactor-wide (aggregate) check or ropa: true, after saying so, when another module does
   * the work; else false, after naming the modules after this one that are left out, if any.
   */
  static boolean waitsForAnother(MavenSession session, MojoExecution execution, String goal,
      MavenProject project, Log log) {
    MavenProject last = lastRunning(session, execution, goal, project);
    if (!last.getId().equals(project.getId())) {
      log.info(PluginMessage.REACTOR_WAITS.format(goal, last.getId()));
      return true;
    }
    if (!after(session, project).isEmpty()) {
      log.info(PluginMessage.REACTOR_ACTS.format(goal, after(session, project)));
    }
    return false;
  }

  /**
   * In a parallel session ({@code -T}), waits until every module of the reactor before {@code
   * project} has finished building, as the session's build summaries say: before that, a module may
   * not be compiled yet, or javac may still be writing its fragments. A module before this one in
   * reactor order never depends on it, so it can always finish. In a sequential session they have
   * all finished already.
   *
   * @throws MojoExecutionException when a module failed (those after it may never be built), or when
   *     the modules are still building after {@code timeoutSeconds}
   */
  static void awaitModulesBefore(MavenSession session, MavenProject project, String goal, int timeoutSeconds,
      Log log) throws MojoExecutionException {
    if (!session.isParallel()) {
      return;
    }
    if (timeoutSeconds <= 0) {
      throw new MojoExecutionException(PluginMessage.BAD_REACTOR_TIMEOUT.format(timeoutSeconds));
    }
    List<MavenProject> before = upTo(session, project).stream()
        .filter(module -> !module.getId().equals(project.getId())).toList();
    long start = System.nanoTime();
    List<MavenProject> building = building(session, before);
    if (!building.isEmpty()) {
      log.info(PluginMessage.REACTOR_AWAITS.format(goal, timeoutSeconds, ids(building)));
    }
    while (true) {
      MavenProject failed = failed(session);
      if (failed != null && (!building.isEmpty() || before.contains(failed))) {
        throw new MojoExecutionException(PluginMessage.REACTOR_MODULE_FAILED.format(goal, failed.getId()));
      }
      if (building.isEmpty()) {
        break;
      }
      if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
        throw new MojoExecutionException(PluginMessage.REACTOR_TIMEOUT.format(goal, ids(building), timeoutSeconds,
            goal.equals("aggregate") ? "mvn piiwarden:aggregate"
                : "mvn piiwarden:" + goal + " -Dpiiwarden." + goal + ".aggregate=true"));
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MojoExecutionException(PluginMessage.REACTOR_INTERRUPTED.format(goal), e);
      }
      List<MavenProject> still = building(session, before);
      if (still.isEmpty()) {
        log.info(PluginMessage.REACTOR_AWAITED.format(goal, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
      }
      building = still;
    }
  }

  // The modules without a build summary: not yet built, or building now.
  private static List<MavenProject> building(MavenSession session, List<MavenProject> modules) {
    return modules.stream().filter(module -> session.getResult().getBuildSummary(module) == null).toList();
  }

  // A module of the session whose build failed: under --fail-fast the build stops, under --fail-at-end
  // the modules that depend on it are skipped, so a module waited for may never finish.
  private static MavenProject failed(MavenSession session) {
    return session.getProjects().stream()
        .filter(module -> session.getResult().getBuildSummary(module) instanceof BuildFailure)
        .findFirst().orElse(null);
  }

  private static String ids(List<MavenProject> modules) {
    return modules.stream().map(MavenProject::getId).collect(Collectors.joining(", "));
  }

  /**
   * The class folders that exist of the modules up to and including {@code last}, in reactor order,
   * then those an earlier build left of the modules this build leaves out ({@code -pl}), so that
   * building some modules does not replace the reactor-wide files with records of those modules
   * alone. Says which modules come from an earlier build, and warns of those that have no classes.
   */
  static List<Path> classFolders(MavenSession session, MavenProject last, String goal, Log log) {
    List<Path> folders = new ArrayList<>();
    for (MavenProject module : upTo(session, last)) {
      File classes = new File(module.getBuild().getOutputDirectory());
      if (classes.isDirectory()) {
        folders.add(classes.toPath());
      }
    }
    List<MavenProject> earlier = new ArrayList<>();
    List<MavenProject> unbuilt = new ArrayList<>();
    for (MavenProject module : leftOut(session)) {
      File classes = new File(module.getBuild().getOutputDirectory());
      if (classes.isDirectory()) {
        folders.add(classes.toPath());
        earlier.add(module);
      } else if (!"pom".equals(module.getPackaging())) {
        unbuilt.add(module);
      }
    }
    if (!earlier.isEmpty()) {
      log.info(PluginMessage.REACTOR_EARLIER.format(goal, ids(earlier)));
    }
    if (!unbuilt.isEmpty()) {
      log.warn(PluginMessage.REACTOR_UNBUILT.format(goal, ids(unbuilt)));
    }
    return folders;
  }

  /** The modules of the whole reactor that this build leaves out ({@code -pl}), in reactor order. */
  private static List<MavenProject> leftOut(MavenSession session) {
    Set<String> built = session.getProjects().stream().map(MavenProject::getId).collect(Collectors.toSet());
    return all(session).stream().filter(module -> !built.contains(module.getId())).toList();
  }

  /**
   * Every module of the whole reactor in reactor order, those this build leaves out ({@code -pl})
   * included: the aggregating goals read their classes too, so their findings need their source folders.
   */
  static List<MavenProject> all(MavenSession session) {
    List<MavenProject> all = session.getAllProjects();
    return all == null || all.isEmpty() ? session.getProjects() : all;
  }

  /** The modules of the reactor up to and including {@code last}. */
  static List<MavenProject> upTo(MavenSession session, MavenProject last) {
    List<MavenProject> projects = session.getProjects();
    int end = 0;
    while (end < projects.size() && !projects.get(end).getId().equals(last.getId())) {
      end++;
    }
    return projects.subList(0, Math.min(end + 1, projects.size()));
  }

  /** The ids of the modules after {@code last}, which the reactor-wide work does not include. */
  static String after(MavenSession session, MavenProject last) {
    List<MavenProject> projects = session.getProjects();
    return ids(projects.subList(upTo(session, last).size(), projects.size()));
  }

  /**
   * {@code target/piiwarden} of the top-level folder: the top-level project's when it is the
   * reactor's aggregator, else that of {@link #topLevelFolder}. With {@code -pl billing,notify} the
   * top-level project is {@code billing}, whose own inventory must not be overwritten.
   */
  static File topLevelOutput(MavenSession session) {
    MavenProject top = session.getTopLevelProject();
    return isAggregatorOfAll(session, top) ? new File(top.getBuild().getDirectory(), "piiwarden")
        : topLevelFolder(session).resolve("target/piiwarden").toFile();
  }

  /**
   * The folder of the whole build: the top-level project's when it is the reactor's aggregator,
   * else Maven's multi-module project directory when it holds every module, else the modules'
   * common parent folder. Every module of the whole reactor, so that a {@code -pl} build has the
   * folder of the full build and the modules it leaves out have their paths under it too.
   */
  static Path topLevelFolder(MavenSession session) {
    MavenProject top = session.getTopLevelProject();
    if (isAggregatorOfAll(session, top)) {
      return normalized(top.getBasedir());
    }
    File multiModule = session.getRequest() == null ? null : session.getRequest().getMultiModuleProjectDirectory();
    if (multiModule != null && holdsAll(session, normalized(multiModule))) {
      return normalized(multiModule);
    }
    Path common = normalized(all(session).get(0).getBasedir());
    while (common.getParent() != null && !holdsAll(session, common)) {
      common = common.getParent();
    }
    return common;
  }

  private static boolean isAggregatorOfAll(MavenSession session, MavenProject top) {
    return !top.getModules().isEmpty() && holdsAll(session, normalized(top.getBasedir()));
  }

  private static boolean holdsAll(MavenSession session, Path folder) {
    return all(session).stream().allMatch(module -> normalized(module.getBasedir()).startsWith(folder));
  }

  private static Path normalized(File folder) {
    return folder.toPath().toAbsolutePath().normalize();
  }

  /** Every module's source folder relative to the top-level folder, with {@code /}, in reactor order. */
  static List<String> sourceRoots(MavenSession session) {
    List<String> roots = new ArrayList<>();
    for (MavenProject module : session.getProjects()) {
      roots.add(relativeSourceRoot(session, module));
    }
    return roots;
  }

  /** The module's source folder relative to the top-level folder, with {@code /}; empty if outside it. */
  static String relativeSourceRoot(MavenSession session, MavenProject module) {
    Path top = topLevelFolder(session);
    Path sources = Path.of(module.getBuild().getSourceDirectory()).toAbsolutePath().normalize();
    return sources.startsWith(top) ? top.relativize(sources).toString().replace(File.separatorChar, '/') : "";
  }
}
