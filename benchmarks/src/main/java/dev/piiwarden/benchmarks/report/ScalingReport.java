package dev.piiwarden.benchmarks.report;

import dev.piiwarden.benchmarks.scaling.AuditVerifyScaling;
import dev.piiwarden.benchmarks.scaling.ConsentPurposesBenchmark;
import dev.piiwarden.benchmarks.scaling.LineLengthBenchmark;
import dev.piiwarden.benchmarks.scaling.LongLines;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.runner.RunnerException;

/**
 * How costs grow: redaction with the line's length, the consent check with the number of purposes
 * per call, and {@code audit verify} on a trail of a million records (time and peak memory, in
 * JVMs of their own). Written as the "Scaling" section of {@code RESULTS.md}.
 */
final class ScalingReport {
  static final String HEADING = "## Scaling";

  private static final int[] LENGTHS = {100, 1_000, 10_000, 100_000};
  private static final int[] PURPOSES = {1, 2, 4, 8};
  private static final long AUDIT_RECORDS = 1_000_000;
  /** Linear time: the cost per byte of the longest line at most this many times that of 1 KB. */
  private static final double LINEAR_TOLERANCE = 2.0;
  private static final Path TIME = Path.of("/usr/bin/time");

  private ScalingReport() {}

  static String run(BenchmarkReport.Settings settings, boolean quick, Path auditDir)
      throws RunnerException, IOException, InterruptedException {
    String loadBefore = Machine.load();
    StringBuilder md = new StringBuilder();
    md.append(HEADING).append("\n\n");
    md.append("Written by `benchmarks/run.sh --scaling-only").append(quick ? " --quick" : "").append("` on ")
        .append(ResultsSection.today()).append(".\n\n");
    md.append("- Machine: ").append(Machine.describe()).append("\n");
    md.append("- Load average (1 / 5 / 15 min) before: ").append(loadBefore).append("; after: @LOAD_AFTER@.")
        .append(" Other builds share these cores; read the spread before the median.\n");
    md.append("- JMH ").append(settings.describe()).append("; one thread.\n\n");
    lineLength(md, settings);
    purposes(md, settings);
    audit(md, quick ? 3 : 5, auditDir);
    return md.toString().replace("@LOAD_AFTER@", Machine.load());
  }

  private static void lineLength(StringBuilder md, BenchmarkReport.Settings settings) throws RunnerException {
    md.append("### Redaction and the length of a line\n\n");
    md.append("One line of each length (`LongLines`): corpus hard negatives joined by ` | ` (clean), or")
        .append(" personal values of every type in turn between them (personal), padded with `x`. PII")
        .append(" Warden's `Redactor.redact` against Logback's `%replace` with the patterns of the")
        .append(" comparison, measured in the same run. Goal: linear time, the time per byte at 100 KB at")
        .append(" most ").append(Figure.format(LINEAR_TOLERANCE)).append("x that at 1 KB.\n\n");
    md.append("| length | content | personal values | PII Warden | PII Warden MB/s | ns per byte |")
        .append(" Logback `%replace` | Logback over PII Warden |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    StringBuilder verdicts = new StringBuilder();
    for (String content : new String[] {"clean", "personal"}) {
      double perByteAt1k = Double.NaN;
      double perByteLongest = Double.NaN;
      for (int length : LENGTHS) {
        Map<String, String> params = Map.of("length", String.valueOf(length), "content", content);
        Figure ours = BenchmarkReport.jmhRun(settings, LineLengthBenchmark.class, "piiWardenRedactor", null,
            false, params)[0];
        Figure logback = BenchmarkReport.jmhRun(settings, LineLengthBenchmark.class, "logbackReplace", null,
            false, params)[0];
        double perByte = ours.median() / length;
        if (length == 1_000) {
          perByteAt1k = perByte;
        }
        perByteLongest = perByte;
        md.append("| ").append(bytes(length)).append(" | ").append(content).append(" | ")
            .append(LongLines.of(length, content.equals("personal")).personalValues()).append(" | ")
            .append(ours.describe()).append(" | ").append(Figure.format(1e3 / perByte)).append(" | ")
            .append(String.format(Locale.ROOT, "%.2f", perByte)).append(" | ").append(logback.describe())
            .append(" | ").append(logback.ratioTo(ours)).append(" |\n");
      }
      double growth = perByteLongest / perByteAt1k;
      verdicts.append(String.format(Locale.ROOT, "%s: %.2fx (%s); ", content, growth,
          growth <= LINEAR_TOLERANCE ? "met" : "NOT met"));
    }
    md.append("\nTime per byte at 100 KB over that at 1 KB: ")
        .append(verdicts.substring(0, verdicts.length() - 2)).append(".\n\n");
  }

  private static void purposes(StringBuilder md, BenchmarkReport.Settings settings) throws RunnerException {
    md.append("### Consent check and the number of purposes per call\n\n");
    md.append("`ConsentPurposesBenchmark`: `ConsentLedger.decideAll(subject, purposes)` from the decision")
        .append(" cache, every purpose granted (each a child of one of four granted purposes), 1,024")
        .append(" subjects in turn, against as many look-ups in a hand-written `ConcurrentHashMap<String,")
        .append(" Boolean>`. Goal: at most 2x the map at each count, as for one purpose.\n\n");
    md.append("| purposes per call | ledger | hand-written map | ratio | goal |\n");
    md.append("|---|---|---|---|---|\n");
    Figure first = null;
    Figure last = null;
    for (int count : PURPOSES) {
      Map<String, String> params = Map.of("purposes", String.valueOf(count));
      Figure ledger = BenchmarkReport.jmhRun(settings, ConsentPurposesBenchmark.class, "ledgerCachedDecision",
          null, false, params)[0];
      Figure map = BenchmarkReport.jmhRun(settings, ConsentPurposesBenchmark.class, "handWrittenMap",
          null, false, params)[0];
      first = first == null ? ledger : first;
      last = ledger;
      md.append("| ").append(count).append(" | ").append(ledger.describe()).append(" | ").append(map.describe())
          .append(" | ").append(ledger.ratioTo(map)).append(" | ≤ 2x: ")
          .append(ledger.median() <= 2.0 * map.median() ? "met" : "NOT met").append(" |\n");
    }
    md.append("\nEach purpose past the first adds about ")
        .append(Figure.format((last.median() - first.median()) / (PURPOSES[PURPOSES.length - 1] - 1)))
        .append(" ns to the ledger's check (difference of the medians at 8 and 1, over 7).\n\n");
  }

  private static void audit(StringBuilder md, int runs, Path dir) throws IOException, InterruptedException {
    Step generated = step("generate", List.of(dir.toString(), String.valueOf(AUDIT_RECORDS)), null);
    if (generated.records() != AUDIT_RECORDS) {
      throw new IllegalStateException("the generated trail holds " + generated.records() + " records");
    }
    long trailBytes = 0;
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
        trailBytes += Files.size(file);
      }
    }
    List<Step> verify = new ArrayList<>();
    List<Step> small = new ArrayList<>();
    List<Step> hmac = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      verify.add(step("verify", List.of(dir.toString()), null));
      small.add(step("verify", List.of(dir.toString()), "-Xmx32m"));
      hmac.add(step("hmac", List.of(dir.toString()), null));
    }
    md.append("### `audit verify` on a trail of a million records\n\n");
    md.append(String.format(Locale.ROOT, "`AuditVerifyScaling generate` wrote %,d access records through core's"
            + " trail (jsonl sink, default 64 MB rotation: %,.0f MB in %d files, no fsync) in %,d ms. Each"
            + " step then ran %d times in a JVM of its own, interleaved: `verify`, what `piiwarden audit verify`"
            + " does (`AuditVerifier` over the files in rotation order), with the JVM's default heap and"
            + " with `-Xmx32m`; and the floor, `hmac`: every line read and HMAC-SHA256'd once, nothing parsed."
            + " Time is measured inside the JVM around the step (JVM start not included); peak memory is the"
            + " process's maximum resident set size from %s. Goal: none set (for the record).%n%n",
        generated.records(), trailBytes / 1e6, countFiles(dir), generated.millis(), runs,
        Files.isExecutable(TIME) ? "`/usr/bin/time -v`" : "the kernel's VmHWM"));
    md.append("| step | time | records/s | peak RSS | comparator | comparator time | ratio |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    Figure hmacTime = millis(hmac);
    auditRow(md, "verify, default heap", verify, hmacTime);
    auditRow(md, "verify, `-Xmx32m`", small, hmacTime);
    md.append("| hmac floor | ").append(hmacTime.describe()).append(" | ")
        .append(String.format(Locale.ROOT, "%,.0f", AUDIT_RECORDS * 1e3 / hmacTime.median())).append(" | ")
        .append(rss(hmac)).append(" | | | |\n\n");
    for (Path file : dirFiles(dir)) {
      Files.delete(file);
    }
  }

  private static void auditRow(StringBuilder md, String name, List<Step> steps, Figure hmac) {
    Figure time = millis(steps);
    md.append("| ").append(name).append(" | ").append(time.describe()).append(" | ")
        .append(String.format(Locale.ROOT, "%,.0f", AUDIT_RECORDS * 1e3 / time.median())).append(" | ")
        .append(rss(steps)).append(" | hmac floor | ").append(hmac.describe()).append(" | ")
        .append(time.ratioTo(hmac)).append(" |\n");
  }

  private static Figure millis(List<Step> steps) {
    return Figure.of(steps.stream().map(s -> (double) s.millis()).toList(), "ms");
  }

  private static String rss(List<Step> steps) {
    Figure mb = Figure.of(steps.stream().map(s -> s.peakKilobytes() / 1024.0).toList(), "MB");
    return mb.describe();
  }

  /** One step's printed line and peak memory. */
  private record Step(long records, long millis, long peakKilobytes) {}

  private static Step step(String name, List<String> args, String heap) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    boolean timed = Files.isExecutable(TIME);
    if (timed) {
      command.add(TIME.toString());
      command.add("-v");
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (heap != null) {
      command.add(heap);
    }
    command.add("-cp");
    command.add(ownJar().toString());
    command.add(AuditVerifyScaling.class.getName());
    command.add(name);
    command.addAll(args);
    Path err = Files.createTempFile("piiwarden-scaling", ".err");
    try {
      Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      int exit = process.waitFor();
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      if (exit != 0) {
        throw new IllegalStateException("AuditVerifyScaling " + name + " exited " + exit + ": " + stderr.strip());
      }
      String[] fields = out.substring(out.lastIndexOf('\n') + 1).split(" ");
      long peak = Long.parseLong(fields[3]);
      if (timed) {
        for (String line : stderr.split("\n")) {
          if (line.contains("Maximum resident set size (kbytes):")) {
            peak = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
          }
        }
      }
      return new Step(Long.parseLong(fields[1]), Long.parseLong(fields[2]), peak);
    } finally {
      Files.deleteIfExists(err);
    }
  }

  private static Path ownJar() {
    try {
      return Path.of(ScalingReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate benchmarks.jar", e);
    }
  }

  private static long countFiles(Path dir) throws IOException {
    return dirFiles(dir).stream().filter(f -> f.getFileName().toString().endsWith(".jsonl")).count();
  }

  private static List<Path> dirFiles(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.toList();
    }
  }

  private static String bytes(int length) {
    return length >= 1_000 ? (length / 1_000) + " KB" : length + " B";
  }
}
