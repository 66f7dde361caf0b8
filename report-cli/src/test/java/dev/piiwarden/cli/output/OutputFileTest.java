package dev.piiwarden.cli.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.cli.CliResult;
import dev.piiwarden.cli.CliRun;
import dev.piiwarden.cli.FragmentFixtures;
import dev.piiwarden.cli.Main;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.InventoryJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --out} of every command that writes one: never one of the command's inputs, and replaced
 * only by a complete output.
 */
class OutputFileTest {
  @TempDir Path dir;
  private Path inventory;
  private Path next;
  private Path policy;
  private Path config;
  private Path key;
  private Path text;

  @BeforeEach
  void inputs() throws IOException {
    inventory = FragmentFixtures.inventoryFile(dir);
    next = dir.resolve("next.json");
    InventoryJson.write(FragmentFixtures.mergedOfAll(), next);
    policy = Files.writeString(dir.resolve("policy.yaml"),
        "rules:\n  - id: r\n    type: require-retention\n    categories: [user]\n");
    config = Files.writeString(dir.resolve("ropa.yaml"), "controller: {name: Acme GmbH}\n");
    key = Files.write(dir.resolve("audit.key"), new byte[32]);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    text = Files.writeString(dir.resolve("app.log"), "bob@example.com\n");
  }

  @Test
  void anOutThatIsAnInputIsRefusedNamingBothAndNothingIsWritten() throws IOException {
    String inv = inventory.toString();
    List<List<String>> runs = List.of(
        List.of("inventory", inv, "--format", "table", "--out", inv),
        List.of("diff", inv, next.toString(), "--out", inv),
        List.of("diff", inv, next.toString(), "--out", next.toString()),
        List.of("check", inv, "--policy", policy.toString(), "--out", policy.toString()),
        List.of("ropa", inv, "--config", config.toString(), "--out", config.toString()),
        List.of("ropa", inv, "--out", inv),
        List.of("diagram", inv, "--out", inv),
        List.of("redact", "--in", text.toString(), "--out", text.toString()),
        List.of("redact", "--style", "hash", "--key-file", key.toString(), "--in", text.toString(),
            "--out", key.toString()));
    String[] expected = {
      "--out " + inv + " is the same file as input " + inv,
      "--out " + inv + " is the same file as BASE " + inv,
      "--out " + next + " is the same file as NEW " + next,
      "--out " + policy + " is the same file as --policy " + policy,
      "--out " + config + " is the same file as --config " + config,
      "--out " + inv + " is the same file as input " + inv,
      "--out " + inv + " is the same file as input " + inv,
      "--out " + text + " is the same file as --in " + text,
      "--out " + key + " is the same file as --key-file " + key,
    };
    for (int i = 0; i < runs.size(); i++) {
      Map<Path, byte[]> before = snapshot();

      CliResult result = CliRun.run(runs.get(i).toArray(String[]::new));

      assertEquals(2, result.exitCode(), result.describe());
      assertEquals(List.of("piiwarden: " + expected[i] + "; pass another --out path, as writing the"
          + " output would overwrite that input"), result.errLines(), result.describe());
      assertEquals("", result.out());
      assertSameFiles(before, snapshot());
    }
  }

  @Test
  void anOutThatIsAnInputThroughALinkIsRefused() throws IOException {
    Path symbolic = Files.createSymbolicLink(dir.resolve("symbolic.json"), inventory);
    Path hard = Files.createLink(dir.resolve("hard.json"), inventory);
    for (Path link : List.of(symbolic, hard)) {
      Map<Path, byte[]> before = snapshot();

      CliResult result = CliRun.run("inventory", inventory.toString(), "--out", link.toString());

      assertEquals(2, result.exitCode(), result.describe());
      assertEquals(List.of("piiwarden: --out " + link + " is the same file as input " + inventory
          + "; pass another --out path, as writing the output would overwrite that input"),
          result.errLines());
      assertSameFiles(before, snapshot());
    }
  }

  @Test
  void anOutBesideTheInputsIsWrittenAndKeepsTheModeOfTheFileItReplaces() throws IOException {
    Path out = Files.writeString(dir.resolve("out.json"), "an older report\n");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));

    CliResult result = CliRun.run("inventory", inventory.toString(), "--out", out.toString());

    assertEquals(0, result.exitCode(), result.describe());
    assertEquals(Files.readString(inventory), Files.readString(out));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    assertEquals(List.of(), temporaryFiles());
  }

  /**
   * A write that fails midway, here at the file size limit of {@code ulimit -f} in a JVM of its
   * own, as on a full disk: exit 2 naming the file, the previous output as it was, nothing left.
   */
  @Test
  void aWriteThatFailsMidwayLeavesThePreviousOutput() throws Exception {
    List<DataElement> elements = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      elements.add(FragmentFixtures.element("com.acme.Customer" + i, "email", "user.contact.email",
          List.of("essential.service"), "customer", LawfulBasis.CONTRACT, "P2Y", false, false, i + 1));
    }
    Path big = dir.resolve("big.json");
    InventoryJson.write(FragmentFixtures.inventory(elements, List.of()), big);
    Path out = Files.writeString(dir.resolve("report.json"), "the previous good report\n");

    // 64 blocks of 1 KB: far less than the 2000 elements' inventory
    List<String> cli = List.of("bash", "-c", "ulimit -f 64 && exec \"$0\" \"$@\"",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "inventory", big.toString(), "--out", out.toString());
    Process process = new ProcessBuilder(cli).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));

    assertEquals(2, process.exitValue(), err);
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("piiwarden: cannot write " + out + " ("), err);
    assertEquals("the previous good report\n", Files.readString(out));
    assertEquals(List.of(), temporaryFiles());
  }

  @Test
  void aDiscardedOutputLeavesTheFileAsItWas() throws IOException {
    Path out = Files.writeString(dir.resolve("out.log"), "before\n");

    ReplacedFile file = ReportOutput.open(out);
    file.write("half of the new".getBytes(StandardCharsets.UTF_8));
    file.discard();

    assertEquals("before\n", Files.readString(out));
    assertEquals(List.of(), temporaryFiles());
  }

  /** A named pipe (or a device) is written as it is: moving a file over it would replace it. */
  @Test
  void aNamedPipeIsWrittenInPlace() throws Exception {
    Path pipe = dir.resolve("pipe");
    assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readAllBytes(pipe);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });

    CliResult result = CliRun.run("inventory", inventory.toString(), "--out", pipe.toString());

    assertEquals(0, result.exitCode(), result.describe());
    assertEquals(Files.readString(inventory), new String(read.get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe), "still the pipe");
    assertEquals(List.of(), temporaryFiles());
  }

  private List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  private Map<Path, byte[]> snapshot() throws IOException {
    Map<Path, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        files.put(path, Files.readAllBytes(path));
      }
    }
    return files;
  }

  private static void assertSameFiles(Map<Path, byte[]> before, Map<Path, byte[]> after) {
    assertEquals(before.keySet(), after.keySet(), "no file created or removed");
    before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path + " changed"));
  }
}
