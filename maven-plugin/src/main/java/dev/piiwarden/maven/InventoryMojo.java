package dev.piiwarden.maven;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.maven.output.ReportFile;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges the module's inventory fragments into one {@code piiwarden-inventory/1} document: the same
 * bytes as {@code piiwarden inventory target/classes}. Merge conflicts are warnings.
 */
@Mojo(name = "inventory", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class InventoryMojo extends PiiWardenMojo {
  /** Skips this goal. */
  @Parameter(property = "piiwarden.inventory.skip", defaultValue = "false")
  boolean skipInventory;

  /** Where the inventory is written. */
  @Parameter(property = "piiwarden.inventory.outputFile",
      defaultValue = "${project.build.directory}/piiwarden/inventory.json", required = true)
  File outputFile;

  @Override
  String goal() {
    return "inventory";
  }

  @Override
  boolean skipGoal() {
    return skipInventory;
  }

  @Override
  void run() throws MojoExecutionException {
    if (noClasses()) {
      return;
    }
    Inventory inventory = readInventory(List.of(classesDirectory.toPath())).inventory();
    ReportFile.write(outputFile.toPath(), InventoryJson.write(inventory));
    getLog().info(PluginMessage.WROTE.format(goal(), InventoryCounts.of(inventory) + " in " + outputFile));
  }
}
