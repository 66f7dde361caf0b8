package dev.piiwarden.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResultsSectionTest {
  private static final String FILE = "# Benchmark results\n\nintro\n\n## Log calls\n\nlog table\n\n"
      + "## Scaling\n\nold scaling\n\n## Redaction against other tools\n\nold redaction\n";

  @Test
  void replacesOnlyItsOwnSection() {
    String out = ResultsSection.replace(FILE, "## Scaling", "## Scaling\n\nnew scaling\n");
    assertEquals("# Benchmark results\n\nintro\n\n## Log calls\n\nlog table\n\n"
        + "## Scaling\n\nnew scaling\n\n## Redaction against other tools\n\nold redaction\n", out);
  }

  @Test
  void replacesTheLastSectionToTheEnd() {
    String out = ResultsSection.replace(FILE, "## Redaction against other tools",
        "## Redaction against other tools\n\nnew\n");
    assertEquals("# Benchmark results\n\nintro\n\n## Log calls\n\nlog table\n\n"
        + "## Scaling\n\nold scaling\n\n## Redaction against other tools\n\nnew\n", out);
  }

  @Test
  void appendsAMissingSection() {
    String out = ResultsSection.replace("# Benchmark results\n\nintro\n", "## Scaling", "## Scaling\n\nnew\n");
    assertEquals("# Benchmark results\n\nintro\n\n## Scaling\n\nnew\n", out);
  }

  @Test
  void aHeadingThatOnlyStartsLikeAnotherIsNotIt() {
    String file = "## Scaling notes\n\nkept\n";
    assertEquals("## Scaling notes\n\nkept\n\n## Scaling\n\nnew\n",
        ResultsSection.replace(file, "## Scaling", "## Scaling\n\nnew\n"));
  }

  @Test
  void theLogCallTableIsReplacedAndItsSubsectionsKept() {
    String file = "# Benchmark results\n\nintro\n\n## Log calls\n\nold table\n\n### Before and after\n\n"
        + "hand-written\n\n## Scaling\n\nold scaling\n";
    assertEquals("# Benchmark results\n\nintro\n\n## Log calls\n\nnew table\n\n### Before and after\n\n"
        + "hand-written\n\n## Scaling\n\nold scaling\n",
        LogCallReport.replaceSection(file, "## Log calls\n\nnew table\n"));
    String last = "intro\n\n## Log calls\n\nold table\n";
    assertEquals("intro\n\n## Log calls\n\nnew table\n",
        LogCallReport.replaceSection(last, "## Log calls\n\nnew table\n"));
    assertEquals("## Log calls now\n\nkept\n\n## Log calls\n\nnew table\n",
        LogCallReport.replaceSection("## Log calls now\n\nkept\n", "## Log calls\n\nnew table\n"));
    assertEquals("## Log calls\n\nnew table\n\n## Scaling\n\nx\n",
        LogCallReport.replaceSection("## Log calls\n\nold\n\n## Scaling\n\nx\n", "## Log calls\n\nnew table\n"));
  }
}
