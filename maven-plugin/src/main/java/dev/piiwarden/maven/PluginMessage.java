package dev.piiwarden.maven;

import java.util.Locale;

/**
 * Every message the plugin logs or fails with. Each is one line: what is wrong, naming the file or
 * parameter, then after {@code ;} what to do.
 */
public enum PluginMessage {
  SKIPPED("PII Warden %s skipped (%s)"),
  NO_CLASSES("PII Warden %s: no class folder %s; nothing to do"),
  NO_FRAGMENTS(
      "no inventory fragments found in %s; if this module has personal data, add piiwarden-processor to"
          + " the maven-compiler-plugin annotationProcessorPaths"),
  NO_PERSONAL_DATA(
      "no inventory fragments found in %s: piiwarden-processor found no @PersonalData or"
          + " @ProcessingActivity; nothing to report"),
  EMPTY_INPUT(
      "%s %s: no inventory fragments found, so everything counts as added; pass an inventory written by"
          + " piiwarden:inventory, or a class folder or jar holding fragments"),
  MERGE_CONFLICT("%s"),
  ROPA_UNRESOLVED_READS(
      "PII Warden ropa: activity %s reads %s not in this module's inventory, so its"
          + " record leaves %s out; set aggregate to write the records of the whole reactor"),
  ROPA_UNRESOLVED_READS_REACTOR(
      "PII Warden ropa (aggregate): activity %s reads %s declared outside the reactor"
          + " (in a dependency), so its record leaves %s out; declare %3$s in a module of the reactor"),
  WROTE("PII Warden %s: %s"),
  AGGREGATE_WAITS("PII Warden aggregate: runs in the last module of the reactor that runs it, %s"),
  REACTOR_WAITS("PII Warden %s (aggregate): runs in the last module of the reactor that runs it, %s"),
  REACTOR_ACTS(
      "PII Warden %s (aggregate): the modules after this one do not run it (not bound, or skipped), so"
          + " their classes are not included: %s"),
  AGGREGATE_PARALLEL(
      "PII Warden aggregate: the build is parallel, so modules may still be compiling; run the"
          + " aggregate without -T, or as 'mvn piiwarden:aggregate' after the build"),
  CANNOT_WRITE("cannot write %s (%s); check that the folder is writable"),
  OUTPUT_IS_FOLDER("cannot write %s: it is a folder; pass the path of a file (one in that folder, say)"),
  BAD_FORMATS("formats: unknown format '%s'; pass a comma-separated list of md, html, csv, json"),
  BAD_FAIL_ON(
      "failOn: unknown kind '%s'; pass a comma-separated list of elements, activities, flows,"
          + " purposes, any"),
  CHECK_FAILED("PII Warden check failed: %s"),
  CHECK_PASSED("PII Warden check: %s");

  private final String template;

  PluginMessage(String template) {
    this.template = template;
  }

  /** The message, line breaks in arguments flattened so it stays one line. */
  public String format(Object... args) {
    return String.format(Locale.ROOT, template, args).replaceAll("\\s*\\R\\s*", " ");
  }
}
