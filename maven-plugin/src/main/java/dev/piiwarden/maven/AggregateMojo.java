package dev.piiwarden.maven;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.maven.output.ReportFile;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Merges the fragments of every module of the reactor into the top-level project's inventory, so a
 * flow from a data element in one module to a sink in another shows with its whole path.
 *
 * <p>Declared once in the parent's {@code <build><plugins>}, it is inherited by every module and does
 * its work in the reactor's last module, when every module's classes exist; in a parallel build it
 * waits there for the modules before it to finish. (An aggregator goal bound to a phase would run in
 * the root first, before any module is compiled.)
 */
@Mojo(name = "aggregate", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class AggregateMojo extends ReactorWideMojo {
  /** Skips this goal. */
  @Parameter(property = "piiwarden.aggregate.skip", defaultValue = "false")
  boolean skipAggregate;

  /**
   * Where the aggregate is written; by default {@code target/piiwarden/inventory.json} of the
   * top-level project, or with {@code -pl} and the root left out, of the folder holding the modules.
   */
  @Parameter(property = "piiwarden.aggregate.outputFile")
  File outputFile;

  @Override
  String goal() {
    return "aggregate";
  }

  @Override
  boolean skipGoal() {
    return skipAggregate;
  }

  @Override
  void run() throws MojoExecutionException {
    MavenProject last = Reactor.lastRunning(session, mojoExecution, goal(), project);
    if (!last.getId().equals(project.getId())) {
      getLog().debug(PluginMessage.AGGREGATE_WAITS.format(last.getId()));
      return;
    }
    awaitModulesBefore();
    if (!Reactor.after(session, project).isEmpty()) {
      getLog().info(PluginMessage.REACTOR_ACTS.format(goal(), Reactor.after(session, project)));
    }
    List<Path> folders = Reactor.classFolders(session, project, goal(), getLog());
    Inventory inventory = readInventory(folders).inventory();
    File target = outputFile != null ? outputFile
        : new File(Reactor.topLevelOutput(session), "inventory.json");
    ReportFile.write(target.toPath(), InventoryJson.write(inventory));
    getLog().info(PluginMessage.WROTE.format(goal(),
        InventoryCounts.of(inventory) + " of " + folders.size() + " modules in " + target));
  }
}
