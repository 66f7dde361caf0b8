package dev.piiwarden.core.audit;

import java.nio.file.Path;

/** A child JVM for {@link CrashRecoveryTest}: writes events until it is killed. */
public final class TrailWriterProcess {
  private TrailWriterProcess() {}

  /** Arguments: the active trail file and the key file. */
  public static void main(String[] args) {
    AuditTrail trail = AuditTrail.open(AuditTrailOptions.defaults().sink("jsonl:" + args[0])
        .keyFile(Path.of(args[1])).fsync(FsyncPolicy.never()).maxFileBytes(256 * 1024));
    for (int i = 1; ; i++) {
      trail.record(AuditFixtures.access(i));
      if (i == 20_000) {
        System.out.println("writing");
        System.out.flush();
      }
    }
  }
}
