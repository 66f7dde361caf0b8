package dev.piiwarden.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal shares: the module, its class folder and the skip flags. */
abstract class PiiWardenMojo extends AbstractMojo {
  /** Skips every PII Warden goal. */
  @Parameter(property = "piiwarden.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

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

  /** True, after logging why, when the module has no class folder (a pom module, no sources). */
  boolean noClasses() {
    if (classesDirectory.isDirectory()) {
      return false;
    }
    getLog().info(PluginMessage.NO_CLASSES.format(goal(), classesDirectory));
    return true;
  }
}
