package dev.piiwarden.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDK 23+ runs processors only with {@code -proc:full}; the processor works there. Skipped where
 * JDK 25 is not installed.
 */
class Jdk25Test {
  private static final Path JAVAC = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac");

  @Test
  void javac25WithProcFullWritesTheFragment(@TempDir Path output) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(JAVAC), "JDK 25 not found at " + JAVAC);
    String processorPath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>(List.of(
        JAVAC.toString(), "-proc:full", "-Xlint:all", "--release", "17",
        "-processorpath", processorPath, "-cp", processorPath,
        "-d", output.resolve("classes").toString(), "-s", output.resolve("generated").toString()));
    for (String fixture : List.of("User", "Contact")) {
      command.add(Fixtures.path(fixture).toString());
    }
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertWithMessage("javac did not finish").that(javac.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertWithMessage(log).that(javac.exitValue()).isEqualTo(0);
    assertWithMessage(log).that(log).doesNotContain("warning");

    Path fragment = output.resolve("classes/META-INF/piiwarden/types/com.acme.User.json");
    assertWithMessage(log).that(Files.exists(fragment)).isTrue();
    assertThat(Files.readString(fragment)).contains("\"id\" : \"com.acme.User#email\"");
    assertThat(Files.exists(output.resolve("classes/com/acme/Contact_PiiWardenDescriptor.class"))).isTrue();
    assertThat(processorPath).contains(File.pathSeparator);
  }
}
