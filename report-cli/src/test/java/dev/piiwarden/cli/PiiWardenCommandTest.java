package dev.piiwarden.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class PiiWardenCommandTest {
  @Test
  void versionNamesTheBuild() {
    CliResult result = CliRun.run("--version");

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.out().matches("piiwarden \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), result.out());
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    CliResult result = CliRun.run("--help");

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.out().contains("inventory"), result.out());
    assertTrue(result.out().contains("Exit codes: 0 success, 1 findings"), result.out());
  }

  @Test
  void subcommandsInheritHelp() {
    CliResult result = CliRun.run("inventory", "--help");

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.out().startsWith("Usage: piiwarden inventory"), result.out());
  }

  @Test
  void noCommandIsAUsageError() {
    CliResult result = CliRun.run();

    assertEquals(2, result.exitCode(), result.describe());
    // The list grows with each command; only its frame is pinned here.
    assertTrue(
        result.err().strip().matches(
            "piiwarden: a command is required \\(inventory, [a-z, ]*help\\); run 'piiwarden --help' for usage"),
        result.err());
  }

  @Test
  void aMistypedCommandGetsASuggestion() {
    CliResult result = CliRun.run("inventroy", "target/classes");

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(1, result.errLines().size(), result.describe());
    assertTrue(result.err().contains("did you mean 'inventory'"), result.err());
  }

  /** A word for what a command does, not its name ({@code flows} for the diagram), names the command. */
  @Test
  void aWordForWhatACommandDoesSuggestsThatCommand() {
    CliResult flows = CliRun.run("flows", "target/classes");
    assertEquals(2, flows.exitCode(), flows.describe());
    assertEquals(1, flows.errLines().size(), flows.describe());
    assertEquals("piiwarden: unknown command 'flows'; did you mean 'diagram'? run 'piiwarden --help' for usage\n",
        flows.err());
    assertTrue(CliRun.run("records", "x").err().contains("did you mean 'ropa'?"));
    assertTrue(CliRun.run("Diagram", "x").err().contains("did you mean 'diagram'?"));
    CliResult nothingLike = CliRun.run("zzzzzz");
    assertEquals(2, nothingLike.exitCode(), nothingLike.describe());
    assertFalse(nothingLike.err().contains("did you mean"), nothingLike.err());
  }

  /** {@code help} with a command there is not answers as the command itself would. */
  @Test
  void helpForAnUnknownCommandNamesTheCommandsThereAre() {
    CliResult flows = CliRun.run("help", "flows");
    assertEquals(2, flows.exitCode(), flows.describe());
    assertEquals("piiwarden: unknown command 'flows'; did you mean 'diagram'? run 'piiwarden --help' for usage\n",
        flows.err());
    CliResult unknown = CliRun.run("help", "kim@example.com");
    assertEquals(2, unknown.exitCode(), unknown.describe());
    assertTrue(unknown.err().matches("piiwarden: unknown command; 'piiwarden' has inventory, [a-z, ]*help; run"
        + " 'piiwarden --help' for usage\\R"), unknown.err());
  }

  /**
   * Output that cannot be written (a full disk, a closed pipe) fails the run with one line, where a
   * print stream would keep the failure to itself and the run end with 0.
   */
  @Test
  void stdoutThatCannotBeWrittenIsAFailureNotALoss(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.io.OutputStream full = new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException("No space left on device");
      }
    };
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int exitCode = Main.run(new String[] {"inventory", FragmentFixtures.classFolder(dir).toString()},
        new java.io.PrintStream(full, true, java.nio.charset.StandardCharsets.UTF_8),
        new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), Map.of());
    assertEquals(2, exitCode, err.toString(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("piiwarden: cannot write stdout (the stream was closed or the device is full); pass an --out"
        + " path in a writable folder\n", err.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void anEmptyOutIsToldAsSuch(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    CliResult result = CliRun.run("inventory", FragmentFixtures.classFolder(dir).toString(), "--out=");
    assertEquals(2, result.exitCode(), result.describe());
    assertEquals("piiwarden: --out names no file; give it a file name, or leave --out out to write to stdout\n",
        result.err());
  }

  /** A usage error names the first unknown command or option, never the other arguments (a subject id). */
  @Test
  void anUnknownSubcommandNamesOnlyItselfNotTheArguments() {
    CliResult revoke = CliRun.run("consent", "revoke", "--store", "file:c.jsonl", "--subject", "kim@example.com",
        "--purpose", "marketing", "--source", "s");
    assertEquals(2, revoke.exitCode(), revoke.describe());
    assertEquals("piiwarden: unknown command 'revoke'; did you mean 'withdraw'? run 'piiwarden consent --help'"
        + " for usage\n", revoke.err());
  }

  @Test
  void anUnknownTokenThatIsNoCommandNameIsNotQuoted() {
    CliResult subject = CliRun.run("consent", "kim@example.com", "--subject", "kim@example.com");
    assertEquals(2, subject.exitCode(), subject.describe());
    assertEquals("piiwarden: unknown command; 'piiwarden consent' has grant, withdraw, list, verify; run"
        + " 'piiwarden consent --help' for usage\n", subject.err());
    CliResult nothingLike = CliRun.run("zzzzzz", "kim@example.com");
    assertFalse(nothingLike.err().contains("zzzzzz"), nothingLike.err());
    assertFalse(nothingLike.err().contains("kim"), nothingLike.err());
  }

  @Test
  void anUnknownOptionIsNamedWithoutItsValueOrTheOtherArguments() {
    CliResult option = CliRun.run("inventory", "--fromat=kim@example.com", "kim@example.com");
    assertEquals(2, option.exitCode(), option.describe());
    assertEquals("piiwarden: unknown option '--fromat'; did you mean '--format'? run 'piiwarden inventory --help'"
        + " for usage\n", option.err());
    CliResult odd = CliRun.run("inventory", "-kim@example.com", "x");
    assertEquals(2, odd.exitCode(), odd.describe());
    assertEquals("piiwarden: unknown option; run 'piiwarden inventory --help' for usage\n", odd.err());
  }

  @Test
  void anExtraArgumentIsCountedNotQuoted() {
    CliResult extra = CliRun.run("redact", "kim@example.com");
    assertEquals(2, extra.exitCode(), extra.describe());
    assertEquals("piiwarden: argument 2 is no command, option or parameter of 'piiwarden redact'; run"
        + " 'piiwarden redact --help' for usage\n", extra.err());
  }

  @Test
  void anInternalErrorIsOneLineWithExitCode3() {
    Run run = runFailing(Map.of());

    assertEquals(ExitCode.INTERNAL_ERROR, run.exitCode());
    assertEquals(
        "piiwarden: internal error (IllegalStateException: fragment cache is gone); this is a bug in"
            + " PII Warden: rerun with --debug or PIIWARDEN_DEBUG=1 for the stack trace and report it",
        run.err().strip());
  }

  @Test
  void debugOptionAddsTheStackTrace() {
    Run run = runFailing(Map.of(), "--debug");

    assertEquals(ExitCode.INTERNAL_ERROR, run.exitCode());
    assertTrue(run.err().startsWith("piiwarden: internal error"), run.err());
    assertTrue(run.err().contains("\tat dev.piiwarden.cli.PiiWardenCommandTest$Failing.call"), run.err());
  }

  @Test
  void debugEnvironmentVariableAddsTheStackTrace() {
    Run run = runFailing(Map.of("PIIWARDEN_DEBUG", "1"));

    assertTrue(run.err().contains("\tat dev.piiwarden.cli.PiiWardenCommandTest$Failing.call"), run.err());
  }

  @Test
  void badInputWithDebugKeepsTheLineAndAddsTheTrace() {
    CliResult result = CliRun.run("inventory", "--debug", "no-such-folder");

    assertEquals(2, result.exitCode(), result.describe());
    assertTrue(result.errLines().get(0).startsWith("piiwarden: no-such-folder: "), result.err());
    assertTrue(result.err().contains("\tat dev.piiwarden.core.inventory.InventoryInputs"), result.err());
  }

  @Test
  void everyMessageIsOneLine() {
    assertFalse(CliMessage.BAD_INPUT.format("a\nb\r\n  c").contains("\n"));
    assertEquals("piiwarden: a b c", CliMessage.BAD_INPUT.format("a\nb\r\n  c"));
  }

  /** A command whose code fails the way a bug would. */
  @Command(name = "failing")
  static final class Failing implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("fragment cache is gone");
    }
  }

  private record Run(int exitCode, String err) {}

  private static Run runFailing(Map<String, String> env, String... options) {
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        PiiWardenCommand.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(err), DebugSwitch.fromEnvironment(env));
    commandLine.addSubcommand(new Failing());
    // settings reach only the subcommands present when they are made
    commandLine.setErr(new PrintWriter(err));
    String[] args = new String[options.length + 1];
    args[0] = "failing";
    System.arraycopy(options, 0, args, 1, options.length);
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, err.toString());
  }
}
