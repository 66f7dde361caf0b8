package dev.piiwarden.maven;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.report.ConfigException;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import dev.piiwarden.core.report.ropa.RopaConfig;
import dev.piiwarden.core.report.ropa.RopaFormat;
import dev.piiwarden.core.report.ropa.RopaRecord;
import dev.piiwarden.maven.config.ReportSettings;
import dev.piiwarden.maven.output.ReportFile;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the records of processing activities (GDPR Art. 30(1)) of the module's inventory, as
 * {@code ropa.md}, {@code ropa.html}, {@code ropa.csv} and/or {@code ropa.json}: the text {@code
 * piiwarden ropa} prints for the same classes and options.
 */
@Mojo(name = "ropa", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class RopaMojo extends ReactorWideMojo {
  /** Skips this goal. */
  @Parameter(property = "piiwarden.ropa.skip", defaultValue = "false")
  boolean skipRopa;

  /** Comma-separated: md, html, csv, json. */
  @Parameter(property = "piiwarden.ropa.formats", defaultValue = "md")
  String formats;

  /** The controller's name (overrides the name in {@code config}). */
  @Parameter(property = "piiwarden.ropa.controller")
  String controller;

  /** JSON or YAML: controller, dpo, representative, recipients, transfers, defaultRetention, measures. */
  @Parameter(property = "piiwarden.ropa.config")
  File config;

  /** A taxonomy extension for key names. */
  @Parameter(property = "piiwarden.taxonomy")
  File taxonomy;

  /**
   * Writes the records of the whole reactor instead of the module's: every module's classes, merged
   * as the {@code aggregate} goal does. The goal then does its work once, in the reactor's last
   * module, and writes to the top-level project's {@code target/piiwarden}.
   */
  @Parameter(property = "piiwarden.ropa.aggregate", defaultValue = "false")
  boolean aggregate;

  /**
   * Where {@code ropa.<format>} files are written; by default {@code target/piiwarden} of the module,
   * or of the top-level project with {@code aggregate}.
   */
  @Parameter(property = "piiwarden.ropa.outputDirectory")
  File outputDirectory;

  @Override
  String goal() {
    return "ropa";
  }

  @Override
  boolean skipGoal() {
    return skipRopa;
  }

  @Override
  void run() throws MojoExecutionException {
    Set<RopaFormat> wanted = parseFormats(formats);
    if (aggregate && leavesReactorWorkToAnother()) {
      return;
    }
    if (!aggregate && noClasses()) {
      return;
    }
    // Read only where the work is done: with aggregate, the waiting modules need neither file.
    RopaConfig settings = ReportSettings.ropa(config, controller);
    var names = ReportSettings.taxonomy(taxonomy);
    List<Path> inputs = aggregate ? Reactor.classFolders(session, project, goal(), getLog()) : List.of(classesDirectory.toPath());
    Inventory inventory = readInventory(inputs).inventory();
    File outputDirectory = this.outputDirectory != null ? this.outputDirectory
        : aggregate ? Reactor.topLevelOutput(session) : new File(project.getBuild().getDirectory(), "piiwarden");
    warnOfUnresolvedReads(inventory,
        aggregate ? PluginMessage.ROPA_UNRESOLVED_READS_REACTOR : PluginMessage.ROPA_UNRESOLVED_READS);
    RopaRecord record;
    try {
      record = RopaBuilder.build(inventory, names, settings);
    } catch (ConfigException e) {
      // Only the config names activities, so only its entries can fail to match the inventory.
      throw ContentFreeCause.error("config " + config + ": " + e.getMessage(), e);
    }
    List<String> written = new ArrayList<>();
    for (RopaFormat format : wanted) {
      File file = new File(outputDirectory, "ropa." + format.cliName());
      ReportFile.write(file.toPath(), format.render(record, settings));
      written.add(file.getName());
    }
    getLog().info(PluginMessage.WROTE.format(goal(), String.join(", ", written) + " in " + outputDirectory));
  }

  static Set<RopaFormat> parseFormats(String value) throws MojoExecutionException {
    Set<RopaFormat> wanted = new LinkedHashSet<>();
    for (String word : value.split(",")) {
      String name = word.strip().toLowerCase(Locale.ROOT);
      RopaFormat match = null;
      for (RopaFormat format : RopaFormat.values()) {
        if (format.cliName().equals(name)) {
          match = format;
        }
      }
      if (match == null) {
        throw new MojoExecutionException(PluginMessage.BAD_FORMATS.format(word.strip()));
      }
      wanted.add(match);
    }
    return wanted;
  }
}
