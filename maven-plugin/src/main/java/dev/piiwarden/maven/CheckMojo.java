package dev.piiwarden.maven;

import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.policy.Finding;
import dev.piiwarden.core.policy.FindingsFormat;
import dev.piiwarden.core.policy.Level;
import dev.piiwarden.core.policy.Policy;
import dev.piiwarden.core.policy.PolicyCheck;
import dev.piiwarden.core.report.diff.Change;
import dev.piiwarden.core.report.diff.ChangeKind;
import dev.piiwarden.core.report.diff.InventoryDiff;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.maven.check.CheckSummary;
import dev.piiwarden.maven.check.FailOn;
import dev.piiwarden.maven.config.ReportSettings;
import dev.piiwarden.maven.input.CompileDependencies;
import dev.piiwarden.maven.input.DependencyElements;
import dev.piiwarden.maven.input.ModuleInventory;
import dev.piiwarden.maven.output.ReportFile;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * Checks the module's inventory against policy rules, and against a baseline inventory when one is
 * given; writes the findings as SARIF and fails the build on a violation or a gated change. The data
 * elements that the module's compile dependencies declare give the categories of the data it reads
 * from them. A class folder whose classes carry PII Warden annotations but hold no fragment (the
 * processor did not run) fails the check too: it could not see their data.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
    requiresDependencyCollection = ResolutionScope.COMPILE)
public class CheckMojo extends ReactorWideMojo {
  /** Skips this goal. */
  @Parameter(property = "piiwarden.check.skip", defaultValue = "false")
  boolean skipCheck;

  /** Policy rules, JSON or YAML ({@code .yaml}/{@code .yml}); the built-in default policy when not set. */
  @Parameter(property = "piiwarden.check.policy")
  File policy;

  /** A taxonomy extension whose keys the rules may name. */
  @Parameter(property = "piiwarden.taxonomy")
  File taxonomy;

  /** An inventory to compare with; changes of a kind in {@code failOn} fail the build. */
  @Parameter(property = "piiwarden.check.baseline")
  File baseline;

  /** With a baseline: comma-separated elements, activities, flows, purposes or any. */
  @Parameter(property = "piiwarden.check.failOn", defaultValue = "any")
  String failOn;

  /** Fail on warnings too, not only on errors. */
  @Parameter(property = "piiwarden.check.failOnWarning", defaultValue = "false")
  boolean failOnWarning;

  /**
   * Checks the whole reactor's inventory instead of the module's: every module's classes, merged as
   * the {@code aggregate} goal does, so a flow from one module to a sink in another is checked. The
   * goal then does its work once, in the reactor's last module, and writes its SARIF file to the
   * top-level project's {@code target/piiwarden}.
   */
  @Parameter(property = "piiwarden.check.aggregate", defaultValue = "false")
  boolean aggregate;

  /**
   * The findings as SARIF 2.1.0, for code scanning; always written, empty when there are none. By
   * default {@code target/piiwarden/piiwarden.sarif} of the module, or of the top-level project with
   * {@code aggregate}.
   */
  @Parameter(property = "piiwarden.check.sarifFile")
  File sarifFile;

  /**
   * The source paths in findings and SARIF. By default the module's source folder relative to the
   * top-level project, e.g. {@code orders/src/main/java}, and this replaces it. With {@code
   * aggregate}, each path is the source folder of the module that holds the file, relative to the
   * top-level project, and this is a prefix before it: {@code backend} gives {@code
   * backend/orders/src/main/java/…} for a Maven build in the {@code backend} folder of a repository.
   */
  @Parameter(property = "piiwarden.check.sourceRoot")
  String sourceRoot;

  @Component
  RepositorySystem repositories;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  @Override
  String goal() {
    return "check";
  }

  @Override
  boolean skipGoal() {
    return skipCheck;
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    if (aggregate && leavesReactorWorkToAnother()) {
      return;
    }
    if (!aggregate && noClasses()) {
      return;
    }
    Set<ChangeKind> gatedKinds = FailOn.parse(failOn);
    Taxonomy keys = ReportSettings.taxonomy(taxonomy);
    Policy rules = ReportSettings.policy(policy, keys);
    Inventory before = baseline == null ? null : ModuleInventory.readFile(baseline.toPath(), "baseline", getLog());
    List<Path> inputs = aggregate ? Reactor.classFolders(session, project, goal(), getLog()) : List.of(classesDirectory.toPath());
    ModuleInventory read = readInventory(inputs);
    Inventory inventory = read.inventory();
    List<MavenProject> modules = aggregate ? Reactor.upTo(session, project) : project == null ? List.of() : List.of(project);
    List<DataElement> declaredElsewhere =
        DependencyElements.read(CompileDependencies.of(modules, session, repositories), getLog());
    warnOfUnresolvedReads(inventory, declaredElsewhere);
    File sarifFile = this.sarifFile != null ? this.sarifFile
        : new File(aggregate ? Reactor.topLevelOutput(session)
            : new File(project.getBuild().getDirectory(), "piiwarden"), "piiwarden.sarif");

    List<Finding> findings = PolicyCheck.run(rules, inventory, declaredElsewhere, keys);
    String root;
    if (aggregate) {
      findings = findings.stream().map(this::inModule).toList();
      root = sourceRoot == null ? "" : sourceRoot;
    } else {
      root = sourceRoot != null ? sourceRoot : Reactor.relativeSourceRoot(session, project);
    }
    ReportFile.write(sarifFile.toPath(), FindingsFormat.SARIF.render(rules, findings, root, plugin.getVersion()));
    for (Finding finding : findings) {
      String line = CheckSummary.line(finding, root);
      switch (finding.rule().level()) {
        case ERROR -> getLog().error(line);
        case WARNING -> getLog().warn(line);
        case NOTE -> getLog().info(line);
      }
    }
    List<Finding> failing = findings.stream()
        .filter(f -> f.rule().level() == Level.ERROR || (failOnWarning && f.rule().level() == Level.WARNING))
        .toList();

    List<Change> gated = List.of();
    if (before != null) {
      List<Change> changes = InventoryDiff.compare(before, inventory);
      changes.forEach(change -> getLog().info(CheckSummary.line(change)));
      gated = changes.stream().filter(c -> gatedKinds.contains(c.kind())).toList();
    }
    // A check that could not see a module's personal data must not pass.
    List<String> reasons = new ArrayList<>(read.processorNotRun());
    if (!failing.isEmpty() || !gated.isEmpty()) {
      reasons.add(CheckSummary.failure(rules, failing, findings, gated, gatedKinds, root));
    }
    if (!reasons.isEmpty()) {
      throw new MojoFailureException(PluginMessage.CHECK_FAILED.format("") + String.join("; ", reasons));
    }
    getLog().info(PluginMessage.CHECK_PASSED.format(CheckSummary.counts(rules, findings)
        + (before == null ? "" : ", no gated change against " + baseline) + "; SARIF in " + sarifFile));
  }

  // Reads of data elements declared neither here nor in a dependency: the rules do not see their categories.
  private void warnOfUnresolvedReads(Inventory inventory, List<DataElement> declaredElsewhere) {
    Inventory known = new Inventory(Stream.concat(inventory.dataElements().stream(), declaredElsewhere.stream())
        .toList(), inventory.activities(), List.of());
    warnOfUnresolvedReads(known, PluginMessage.CHECK_UNRESOLVED_READS,
        aggregate ? "the reactor" : "this module", aggregate ? "its modules' dependencies" : "its dependencies");
  }

  /**
   * The finding with its file under the source folder of the module that holds it, if one does: a
   * module of this build or one it leaves out ({@code -pl}), whose classes an earlier build left.
   */
  private Finding inModule(Finding finding) {
    if (finding.file() == null || finding.file().isEmpty()) {
      return finding;
    }
    for (MavenProject module : Reactor.all(session)) {
      if (new File(module.getBuild().getSourceDirectory(), finding.file()).isFile()) {
        String root = Reactor.relativeSourceRoot(session, module);
        String file = root.isEmpty() ? finding.file() : root + "/" + finding.file();
        return new Finding(finding.rule(), finding.message(), file, finding.line(), finding.about());
      }
    }
    return finding;
  }
}
