package dev.piiwarden.maven.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.piiwarden.core.json.JsonProblem;
import dev.piiwarden.maven.ContentFreeCause;
import dev.piiwarden.maven.output.ReportFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Reads a policy or ropa configuration file, JSON or YAML by its extension ({@code .yaml}, {@code
 * .yml}; anything else is JSON), into the tree core's readers take. The CLI has the same reader;
 * it is not in core because core is shaded into the agent, which must not carry a YAML parser.
 */
public final class StructuredFile {
  private StructuredFile() {}

  /**
   * The file's tree.
   *
   * @param parameter the plugin parameter that named it, for messages, e.g. {@code policy}
   * @throws MojoExecutionException naming the file when it cannot be read or parsed
   */
  public static JsonNode read(Path file, String parameter) throws MojoExecutionException {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw ContentFreeCause.error(parameter + " " + file + ": cannot be read (" + ReportFile.reason(e)
          + "); pass a JSON or YAML file that exists (a relative path in a parent POM is resolved in each"
          + " module: use ${maven.multiModuleProjectDirectory}/…)", e);
    }
    try {
      JsonNode tree = (yaml ? new YAMLMapper() : new ObjectMapper()).readTree(bytes);
      if (tree == null || tree.isMissingNode()) {
        throw new MojoExecutionException(parameter + " " + file + ": the file is empty; pass a JSON or YAML file");
      }
      return tree;
    } catch (JsonProcessingException e) {
      String problem = yaml ? yamlProblem(e) : JsonProblem.describe(e);
      throw ContentFreeCause.error(parameter + " " + file + ": " + problem + "; fix the file"
          + (yaml ? "" : " (name it .yaml or .yml if it is YAML)"), e);
    } catch (IOException e) {
      throw ContentFreeCause.error(parameter + " " + file + ": cannot be read (" + ReportFile.reason(e) + ")", e);
    }
  }

  private static String yamlProblem(JsonProcessingException e) {
    String first = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
    String where = e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return "not valid YAML" + where + (first.isBlank() ? "" : " (" + first.strip() + ")");
  }
}
