package dev.piiwarden.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.output.ReportOutput;
import dev.piiwarden.core.json.JsonProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a policy or configuration file, JSON or YAML by its extension ({@code .yaml}, {@code .yml};
 * anything else is JSON), into a tree for core to read. YAML is parsed here rather than in core so
 * that core, which the agent shades, carries no YAML parser.
 */
public final class StructuredFile {
  private StructuredFile() {}

  /**
   * The file's tree.
   *
   * @param option the option that named it, for messages, e.g. {@code --policy}
   * @throws CommandFailure (exit 2) naming the file when it cannot be read or parsed
   */
  public static JsonNode read(Path file, String option) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw fail(e, option + " " + file + ": cannot be read (" + ReportOutput.reason(e)
          + "); pass a JSON or YAML file that exists");
    }
    try {
      JsonNode tree = (yaml ? new YAMLMapper() : new ObjectMapper()).readTree(bytes);
      if (tree == null || tree.isMissingNode()) {
        throw fail(null, option + " " + file + ": the file is empty; pass a JSON or YAML file");
      }
      return tree;
    } catch (JsonProcessingException e) {
      String problem = yaml ? yamlProblem(e) : JsonProblem.describe(e);
      throw fail(e, option + " " + file + ": " + problem + "; fix the file"
          + (yaml ? "" : " (name it .yaml or .yml if it is YAML)"));
    } catch (IOException e) {
      throw fail(e, option + " " + file + ": cannot be read (" + ReportOutput.reason(e)
          + "); pass a JSON or YAML file that exists");
    }
  }

  private static String yamlProblem(JsonProcessingException e) {
    String first = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
    // A decoding failure arrives as "java.io.CharConversionException: Invalid UTF-8 …".
    first = first.replaceFirst("^[\\w.]+(Exception|Error): ", "");
    String where = e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return "not valid YAML" + where + (first.isBlank() ? "" : " (" + first.strip() + ")");
  }

  private static CommandFailure fail(Throwable cause, String message) {
    return new CommandFailure(ExitCode.USAGE, cause, CliMessage.BAD_INPUT, message);
  }
}
