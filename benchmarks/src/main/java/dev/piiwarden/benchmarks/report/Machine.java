package dev.piiwarden.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the figures were measured on, for the results file. */
final class Machine {
  private Machine() {}

  static String describe() {
    return Runtime.getRuntime().availableProcessors()
        + " cores available to the JVM"
        + cpu()
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch")
        + "; JDK "
        + System.getProperty("java.runtime.version")
        + " ("
        + System.getProperty("java.vm.vendor")
        + ")";
  }

  /** The 1, 5 and 15 minute load averages, to judge how busy the machine was; empty if unknown. */
  static String load() {
    Path loadavg = Path.of("/proc/loadavg");
    try {
      if (Files.isReadable(loadavg)) {
        String[] parts = Files.readString(loadavg).trim().split("\\s+");
        return parts[0] + " / " + parts[1] + " / " + parts[2];
      }
      return "unknown";
    } catch (IOException e) {
      return "unknown (" + e.getClass().getSimpleName() + ")";
    }
  }

  private static String cpu() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(cpuinfo)) {
      return "";
    }
    try {
      return Files.readAllLines(cpuinfo).stream()
          .filter(line -> line.startsWith("model name"))
          .findFirst()
          .map(line -> " (" + line.substring(line.indexOf(':') + 1).strip() + ")")
          .orElse("");
    } catch (IOException e) {
      return " (CPU model unreadable: " + e.getClass().getSimpleName() + ")";
    }
  }
}
