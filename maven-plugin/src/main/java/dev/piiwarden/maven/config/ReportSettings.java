package dev.piiwarden.maven.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.piiwarden.core.policy.DefaultPolicy;
import dev.piiwarden.core.policy.Policy;
import dev.piiwarden.core.policy.PolicyReader;
import dev.piiwarden.core.report.ConfigException;
import dev.piiwarden.core.report.ropa.RopaConfig;
import dev.piiwarden.core.report.ropa.RopaConfigReader;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyException;
import dev.piiwarden.maven.ContentFreeCause;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;

/** The taxonomy, policy and ropa configuration the report goals take, core's errors as one line. */
public final class ReportSettings {
  private ReportSettings() {}

  /** The built-in taxonomy, extended by {@code extension} when given. */
  public static Taxonomy taxonomy(File extension) throws MojoExecutionException {
    try {
      return Taxonomy.load(extension == null ? null : extension.toPath());
    } catch (TaxonomyException e) {
      throw ContentFreeCause.error("taxonomy " + e.getMessage(), e);
    }
  }

  /** The policy in {@code file}, or the built-in default policy when null. */
  public static Policy policy(File file, Taxonomy taxonomy) throws MojoExecutionException {
    if (file == null) {
      return DefaultPolicy.load(taxonomy);
    }
    JsonNode tree = StructuredFile.read(file.toPath(), "policy");
    try {
      return PolicyReader.read(tree, file.toString(), taxonomy);
    } catch (ConfigException e) {
      throw ContentFreeCause.error("policy " + e.getMessage(), e);
    }
  }

  /** The ropa configuration in {@code file} (empty when null), its controller name replaced when given. */
  public static RopaConfig ropa(File file, String controller) throws MojoExecutionException {
    RopaConfig config = RopaConfig.empty();
    if (file != null) {
      JsonNode tree = StructuredFile.read(file.toPath(), "config");
      try {
        config = RopaConfigReader.read(tree, file.toString());
      } catch (ConfigException e) {
        throw ContentFreeCause.error("config " + e.getMessage(), e);
      }
    }
    return controller == null || controller.isBlank() ? config : config.withControllerName(controller);
  }
}
