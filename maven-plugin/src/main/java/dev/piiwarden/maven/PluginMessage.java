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
      "no inventory fragments found in %s, and no class in it refers to PII Warden's annotations"
          + " (@PersonalData, @ProcessingActivity, @ConsentRequired); nothing to report"),
  PROCESSOR_DID_NOT_RUN(
      "%s holds classes that refer to PII Warden's annotations (%s) but no inventory fragments:"
          + " piiwarden-processor"
          + " did not run when they were compiled; put it on the annotationProcessorPaths of"
          + " maven-compiler-plugin 3.5 or later (Maven's default 3.1 ignores them), do not pass"
          + " -proc:none, and build again"),
  PROCESSOR_TURNED_OFF(
      "%s holds classes but no inventory fragments, and annotation processing is off for this module"
          + " (%s), so piiwarden-processor could not see what its code reads and where it goes; drop"
          + " that setting (or leave piiwarden:check out of this module) and build again"),
  CANNOT_SEARCH_CLASSES("%s: cannot be searched for annotated classes (%s); check the folder's permissions"),
  EMPTY_INPUT(
      "%s %s: no inventory fragments found, so everything counts as added; pass an inventory written by"
          + " piiwarden:inventory, or a class folder or jar holding fragments"),
  MERGE_CONFLICT("%s"),
  WITHOUT_BODY_ANALYSIS("PII Warden: %s"),
  STALE_FRAGMENTS(
      "PII Warden: %s holds the inventory %s in none of this module's source folders (%s): renamed or"
          + " deleted, and not recompiled (maven.compiler.useIncrementalCompilation=false keeps the old"
          + " fragment), so the inventory, the records of processing and the check still include %s data;"
          + " run mvn clean, or build with the compiler's default incremental mode, to drop %s"),
  ROPA_UNRESOLVED_READS(
      "PII Warden ropa: activity %s reads %s not in this module's inventory, so its"
          + " record leaves %s out; set aggregate to write the records of the whole reactor"),
  ROPA_UNRESOLVED_READS_REACTOR(
      "PII Warden ropa (aggregate): activity %s reads %s declared outside the reactor"
          + " (in a dependency), so its record leaves %s out; declare %3$s in a module of the reactor"),
  CHECK_UNRESOLVED_READS(
      "PII Warden check: activity %s reads %s declared neither in %4$s nor in %5$s, so no"
          + " policy rule sees %3$s; compile the module that declares %3$s with piiwarden-processor"),
  BAD_DEPENDENCY(
      "dependency %s: %s"),
  UNRESOLVED_DEPENDENCY(
      "dependency %s cannot be resolved (%s), so the categories of the data elements it declares are"
          + " unknown; build or install it first, or check the repositories"),
  WROTE("PII Warden %s: %s"),
  AGGREGATE_WAITS("PII Warden aggregate: runs in the last module of the reactor that runs it, %s"),
  REACTOR_EARLIER(
      "PII Warden %s (aggregate): the modules this build leaves out (-pl) are read from the classes an"
          + " earlier build left in their target folders: %s"),
  REACTOR_UNBUILT(
      "PII Warden %s (aggregate): the modules this build leaves out (-pl) have no classes from an earlier"
          + " build, so the reactor-wide files lack their data: %s; build the whole project once (mvn verify)"
          + " for complete records"),
  REACTOR_WAITS("PII Warden %s (aggregate): runs in the last module of the reactor that runs it, %s"),
  REACTOR_ACTS(
      "PII Warden %s (aggregate): the modules after this one do not run it (not bound, or skipped), so"
          + " their classes are not included: %s"),
  REACTOR_AWAITS(
      "PII Warden %s: the build is parallel, so this waits for the modules before this one to finish"
          + " building (at most %d s, piiwarden.reactorTimeout): %s"),
  REACTOR_AWAITED("PII Warden %s: the modules before this one finished building after %d s"),
  REACTOR_TIMEOUT(
      "PII Warden %s: %s still building after %d s, so their classes cannot be read yet; raise"
          + " piiwarden.reactorTimeout, build without -T, or run '%s' as a separate step after the build"),
  REACTOR_MODULE_FAILED(
      "PII Warden %s: not done, as module %s failed and the reactor-wide work needs the classes of every"
          + " module before this one; fix that module's build first"),
  REACTOR_INTERRUPTED("PII Warden %s: interrupted while waiting for the modules before this one to finish building"),
  BAD_REACTOR_TIMEOUT(
      "reactorTimeout: %d is not a positive number of seconds; pass how long the reactor-wide work may"
          + " wait for the other modules of a parallel build, e.g. 3600"),
  UNREADABLE_IN_PARALLEL_BUILD(
      "%s (the build is parallel: if a module building at the same time was still writing it, build"
          + " again, without -T to be sure)"),
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
