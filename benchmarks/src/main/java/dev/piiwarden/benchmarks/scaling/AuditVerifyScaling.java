package dev.piiwarden.benchmarks.scaling;

import dev.piiwarden.core.audit.AuditEvent;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditTrail;
import dev.piiwarden.core.audit.AuditTrailOptions;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.FsyncPolicy;
import dev.piiwarden.core.audit.JsonlSink;
import dev.piiwarden.core.audit.Pseudonymizer;
import dev.piiwarden.core.audit.TrailFiles;
import dev.piiwarden.core.audit.VerificationReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code piiwarden audit verify} on a large trail, one step per JVM so that its peak memory can be
 * read from outside ({@code /usr/bin/time -v}):
 *
 * <pre>
 * java -cp benchmarks.jar dev.piiwarden.benchmarks.scaling.AuditVerifyScaling generate DIR RECORDS
 * java -cp benchmarks.jar dev.piiwarden.benchmarks.scaling.AuditVerifyScaling verify DIR
 * java -cp benchmarks.jar dev.piiwarden.benchmarks.scaling.AuditVerifyScaling hmac DIR
 * </pre>
 *
 * {@code generate} writes DIR/trail.jsonl through core's trail (jsonl sink, default 64 MB rotation,
 * no fsync; access events as the agent records them), its key beside it. {@code verify} does what
 * the CLI's {@code audit verify} does: {@code AuditVerifier} over the trail's files in rotation
 * order. {@code hmac} is the floor it is compared with: every line read and HMAC-SHA256'd once,
 * nothing parsed. Each prints one line, {@code <step> <records> <milliseconds> <peak RSS in kB>}
 * (the peak from {@code /proc/self/status}, -1 where there is none), and {@code verify} exits 1
 * when the trail does not verify.
 */
public final class AuditVerifyScaling {
  /** {@code piiwarden.audit.max-file-bytes}'s default: 64 MB. */
  private static final long DEFAULT_ROTATION_BYTES = 64L << 20;

  private AuditVerifyScaling() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: AuditVerifyScaling generate DIR RECORDS | verify DIR | hmac DIR");
      System.exit(2);
    }
    Path dir = Path.of(args[1]);
    Path active = dir.resolve("trail.jsonl");
    switch (args[0]) {
      case "generate" -> generate(dir, active, Long.parseLong(args[2]));
      case "verify" -> verify(active);
      case "hmac" -> hmac(active);
      default -> {
        System.err.println("unknown step " + args[0] + "; use generate, verify or hmac");
        System.exit(2);
      }
    }
  }

  private static void generate(Path dir, Path active, long records) throws IOException {
    Files.createDirectories(dir);
    for (Path old : TrailFiles.inOrder(active)) {
      Files.delete(old);
    }
    AuditKey key = AuditKey.loadOrCreate(AuditKey.defaultFileBeside(active));
    Pseudonymizer pseudonyms = new Pseudonymizer(key);
    long start = System.nanoTime();
    AuditTrail trail = AuditTrail.start(key, new JsonlSink(active, DEFAULT_ROTATION_BYTES),
        AuditTrailOptions.defaults().fsync(FsyncPolicy.never()).closeTimeout(Duration.ofMinutes(5)));
    String[] subjects = new String[1024];
    for (int i = 0; i < subjects.length; i++) {
      subjects[i] = pseudonyms.pseudonym("user-" + i);
    }
    for (long i = 0; i < records; i++) {
      trail.record(AuditEvent.of(AuditEventType.ACCESS)
          .subject(subjects[(int) (i & 1023)])
          .actor("support-agent-7")
          .purposes("essential.service")
          .activity("com.acme.Users#fetch(java.lang.String)")
          .categories("user.contact.email", "user.name")
          .build());
    }
    if (!trail.shutdown()) {
      throw new IllegalStateException("the trail did not write every record in time");
    }
    print("generate", records, start);
  }

  private static void verify(Path active) throws IOException {
    List<Path> files = TrailFiles.inOrder(active);
    AuditKey key = AuditKey.load(AuditKey.defaultFileBeside(active));
    long start = System.nanoTime();
    VerificationReport report = new AuditVerifier(key).verify(files);
    print("verify", report.records(), start);
    if (!report.ok()) {
      System.err.println("the trail does not verify: " + report.finding().orElseThrow());
      System.exit(1);
    }
  }

  private static void hmac(Path active) throws Exception {
    List<Path> files = TrailFiles.inOrder(active);
    byte[] key = Files.readAllBytes(AuditKey.defaultFileBeside(active));
    long start = System.nanoTime();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    long lines = 0;
    byte sink = 0;
    for (Path file : files) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = reader.readLine()) != null) {
          sink ^= mac.doFinal(line.getBytes(StandardCharsets.UTF_8))[0];
          lines++;
        }
      }
    }
    print("hmac", lines, start);
    if (sink == 42) {
      System.out.print("");
    }
  }

  private static void print(String step, long records, long start) throws IOException {
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(Locale.ROOT, "%s %d %d %d%n", step, records, millis, peakResidentKilobytes());
  }

  /** The kernel's peak resident set size of this process so far (VmHWM), -1 where there is none. */
  private static long peakResidentKilobytes() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
