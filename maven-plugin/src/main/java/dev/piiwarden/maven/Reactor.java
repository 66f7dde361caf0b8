package dev.piiwarden.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * The reactor as the aggregating goals see it: they do their work in its last module, when every
 * module's classes exist, over every module's class folder, and write to the top-level project.
 */
final class Reactor {
  private Reactor() {}

  /** True when {@code project} is the reactor's last module. */
  static boolean isLast(MavenSession session, MavenProject project) {
    List<MavenProject> projects = session.getProjects();
    return projects.get(projects.size() - 1).getId().equals(project.getId());
  }

  /** The id of the reactor's last module. */
  static String last(MavenSession session) {
    List<MavenProject> projects = session.getProjects();
    return projects.get(projects.size() - 1).getId();
  }

  /** Every module's class folder that exists, in reactor order. */
  static List<Path> classFolders(MavenSession session) {
    List<Path> folders = new ArrayList<>();
    for (MavenProject module : session.getProjects()) {
      File classes = new File(module.getBuild().getOutputDirectory());
      if (classes.isDirectory()) {
        folders.add(classes.toPath());
      }
    }
    return folders;
  }

  /** {@code target/piiwarden} of the top-level project. */
  static File topLevelOutput(MavenSession session) {
    return new File(session.getTopLevelProject().getBuild().getDirectory(), "piiwarden");
  }

  /** Every module's source folder relative to the top-level project, with {@code /}, in reactor order. */
  static List<String> sourceRoots(MavenSession session) {
    List<String> roots = new ArrayList<>();
    for (MavenProject module : session.getProjects()) {
      roots.add(relativeSourceRoot(session, module));
    }
    return roots;
  }

  /** The module's source folder relative to the top-level project, with {@code /}; empty if outside it. */
  static String relativeSourceRoot(MavenSession session, MavenProject module) {
    Path top = session.getTopLevelProject().getBasedir().toPath().toAbsolutePath().normalize();
    Path sources = Path.of(module.getBuild().getSourceDirectory()).toAbsolutePath().normalize();
    return sources.startsWith(top) ? top.relativize(sources).toString().replace(File.separatorChar, '/') : "";
  }
}
