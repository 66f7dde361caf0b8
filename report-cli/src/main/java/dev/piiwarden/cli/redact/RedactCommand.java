package dev.piiwarden.cli.redact;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.Main;
import dev.piiwarden.cli.StreamCommand;
import dev.piiwarden.cli.output.NamedInput;
import dev.piiwarden.cli.output.ReplacedFile;
import dev.piiwarden.cli.output.ReportOutput;
import dev.piiwarden.core.redaction.RedactionCounts;
import dev.piiwarden.core.redaction.RedactionFailure;
import dev.piiwarden.core.redaction.Redactor;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code piiwarden redact}: personal data out of text, one output line per input line. */
@Command(
    name = "redact",
    description = {
      "Copies text from stdin (or --in) to stdout (or --out), one line out per line in, with"
          + " personal data replaced by the agent's engine: email, phone, card, IBAN, IP, SSN,"
          + " credentials, and --pattern types. Input is read as UTF-8 (malformed bytes become"
          + " U+FFFD; UTF-16 and UTF-32 are refused), output is UTF-8; line ends (\\n, \\r\\n) are kept; one line is held at a time."
    })
public final class RedactCommand implements Callable<Integer>, StreamCommand {
  @Spec private CommandSpec spec;

  @Mixin private RedactionOptions options;

  @Option(names = "--in", paramLabel = "F", description = "Read F instead of stdin ('-': stdin).")
  private Path in;

  @Option(names = "--out", paramLabel = "F", description = "Write F instead of stdout ('-': stdout).")
  private Path out;

  @Option(names = "--stats", description = "At the end, print counts per type on stderr.")
  private boolean stats;

  private InputStream stdin = System.in;
  private OutputStream stdout = System.out;

  @Override
  public void useStreams(InputStream stdin, OutputStream stdout) {
    this.stdin = stdin;
    this.stdout = stdout;
  }

  @Override
  public Integer call() {
    // '-' is the standard stream, as for most Unix tools; a file of that name is ./-
    in = standardStream(in);
    out = standardStream(out);
    Set<String> failureTypes = new TreeSet<>();
    Redactor redactor =
        Redactor.create(options.settings(failure -> failureTypes.add(describe(failure))));
    ReportOutput.checkNotAnInput(out, List.of(new NamedInput("--in", in),
        new NamedInput("--key-file", options.keyFileInUse())));
    Reader reader = openInput();
    ReplacedFile file = out == null ? null : ReportOutput.open(out);
    long lines;
    try {
      Writer writer = new BufferedWriter(new OutputStreamWriter(
          file == null ? new Unclosed(stdout) : file, StandardCharsets.UTF_8), 65536);
      lines = copy(new TerminatedLines(reader), writer, redactor);
      close(reader, writer);
    } finally {
      // after a failure the --out file keeps what it held; after close this does nothing
      if (file != null) {
        file.discard();
      }
    }
    RedactionCounts counts = redactor.counts();
    PrintWriter err = spec.commandLine().getErr();
    if (counts.failures() > 0) {
      err.println(CliMessage.REDACT_FAILURES.format(counts.failures(), String.join(", ", failureTypes)));
    }
    if (stats) {
      err.print(RedactionStats.render(lines, counts));
    }
    err.flush();
    return ExitCode.OK;
  }

  private long copy(TerminatedLines lines, Writer writer, Redactor redactor) {
    long count = 0;
    for (String line = read(lines); line != null; line = read(lines)) {
      String ending = lines.ending();
      try {
        writer.write(redactor.redact(line));
        writer.write(ending);
        // Piped from a live log (tail -f), each line goes out as soon as no more is waiting.
        if (!lines.hasBufferedInput()) {
          writer.flush();
        }
      } catch (IOException e) {
        throw writeFailure(e);
      }
      count++;
    }
    return count;
  }

  private String read(TerminatedLines lines) {
    try {
      return lines.next();
    } catch (IOException e) {
      throw readFailure(e);
    }
  }

  private void close(Reader reader, Writer writer) {
    try (reader) {
      writer.close();
    } catch (IOException e) {
      throw writeFailure(e);
    }
  }

  private CommandFailure readFailure(IOException e) {
    return new CommandFailure(ExitCode.USAGE, e, CliMessage.REDACT_CANNOT_READ_INPUT,
        in == null ? "stdin" : in, ReportOutput.reason(e));
  }

  private CommandFailure writeFailure(IOException e) {
    return ReportOutput.cannotWrite(out == null ? Path.of("stdout") : out, e);
  }

  private static Path standardStream(Path file) {
    return file != null && file.toString().equals("-") ? null : file;
  }

  private Reader openInput() {
    InputStream stream;
    if (in == null) {
      stream = stdin;
    } else {
      try {
        if (Files.isDirectory(in)) {
          // Opening a folder succeeds on Linux and only its first read fails, after --out was
          // created: refused here, before anything is written.
          throw new java.nio.file.FileSystemException(in.toString(), null, "it is a folder");
        }
        stream = Files.newInputStream(in);
      } catch (IOException e) {
        throw readFailure(e);
      }
    }
    WideEncoding.Sniffed sniffed;
    try {
      sniffed = WideEncoding.sniff(stream);
    } catch (IOException e) {
      throw readFailure(e);
    }
    sniffed.found().ifPresent(found -> {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.REDACT_NOT_UTF8,
          in == null ? "stdin" : in, found.encoding(), found.evidence(), found.encoding(),
          in == null ? "" : " " + in);
    });
    return new InputStreamReader(sniffed.stream(), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  private static String describe(RedactionFailure failure) {
    return failure.stage() + " " + failure.exceptionType();
  }

  /**
   * Standard output, flushed at the end but never closed: the caller owns it. A {@link
   * PrintStream} (System.out) keeps its write errors to itself; they are turned back into
   * exceptions, so a full disk or a closed pipe stops the run instead of losing the rest.
   */
  private static final class Unclosed extends FilterOutputStream {
    Unclosed(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      checkError();
    }

    @Override
    public void flush() throws IOException {
      out.flush();
      checkError();
    }

    @Override
    public void close() throws IOException {
      flush();
    }

    private void checkError() throws IOException {
      if (out instanceof PrintStream stream && stream.checkError()) {
        throw new IOException(Main.STDOUT_FAILED);
      }
    }
  }
}
