package dev.piiwarden.maven;

import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that can do its work once for the whole reactor, in the last module that runs it, over the
 * classes of the modules up to it.
 */
abstract class ReactorWideMojo extends PiiWardenMojo {
  /**
   * In a parallel build ({@code -T}), how many seconds the reactor-wide work waits for the modules
   * before its module to finish building; when they have not, the goal fails.
   */
  @Parameter(property = "piiwarden.reactorTimeout", defaultValue = "3600")
  int reactorTimeout;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  MojoExecution mojoExecution;

  /** In a parallel build, waits until the modules before this one have finished building. */
  void awaitModulesBefore() throws MojoExecutionException {
    Reactor.awaitModulesBefore(session, project, goal(), reactorTimeout, getLog());
  }

  /**
   * For reactor-wide work: true, after saying so, when another module does it; else false, once the
   * modules before this one have finished building.
   */
  boolean leavesReactorWorkToAnother() throws MojoExecutionException {
    if (Reactor.waitsForAnother(session, mojoExecution, goal(), project, getLog())) {
      return true;
    }
    awaitModulesBefore();
    return false;
  }
}
