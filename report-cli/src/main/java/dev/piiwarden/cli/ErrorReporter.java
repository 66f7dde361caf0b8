package dev.piiwarden.cli;

import dev.piiwarden.core.inventory.InventoryException;
import dev.piiwarden.core.text.QuotedValue;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr and an exit code. Stack traces are printed only when
 * {@link DebugSwitch} is on, so users never see one for a mistake they can fix.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private final DebugSwitch debug;

  ErrorReporter(DebugSwitch debug) {
    this.debug = debug;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    String qualifiedName = command.getCommandSpec().qualifiedName();
    String line;
    UnmatchedArgument unmatched = null;
    if (ex instanceof UnmatchedArgumentException unmatchedException) {
      // picocli's text would list every argument from the unknown one on, a subject id among them.
      unmatched = UnmatchedArgument.of(unmatchedException);
    } else if (ex.getValue() != null && String.valueOf(ex.getMessage()).startsWith("Unknown subcommand")
        && !command.getSubcommands().containsKey(ex.getValue())) {
      unmatched = UnmatchedArgument.command(ex.getValue(), command); // piiwarden help flows
    } else if (ex instanceof MissingParameterException) {
      // picocli says a required option is missing before it names one it does not know: a
      // misspelt required option is better named as what it is
      unmatched = UnmatchedArgument.misspeltOption(args, command);
    }
    if (unmatched != null) {
      line = unmatched.suggestion() == null
          ? CliMessage.USAGE.format(unmatched.problem(), qualifiedName)
          : CliMessage.USAGE_WITH_SUGGESTION.format(unmatched.problem(), unmatched.suggestion(), qualifiedName);
    } else {
      // picocli's text quotes the value it could not convert ("but was 'kim@example.com'")
      line = CliMessage.USAGE.format(QuotedValue.shown(ex.getMessage()), qualifiedName);
    }
    command.getErr().println(line);
    return ExitCode.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
    if (ex instanceof ParameterException parameterException) {
      return handleParseException(parameterException, parseResult.originalArgs().toArray(String[]::new));
    }
    PrintWriter err = command.getErr();
    int exitCode;
    if (ex instanceof CommandFailure failure) {
      err.println(failure.getMessage());
      exitCode = failure.exitCode();
    } else if (ex instanceof InventoryException inputProblem) {
      // Core's input messages name the input, what is wrong and what to do.
      err.println(CliMessage.BAD_INPUT.format(inputProblem.getMessage()));
      exitCode = ExitCode.USAGE;
    } else {
      err.println(CliMessage.INTERNAL_ERROR.format(describe(ex)));
      exitCode = ExitCode.INTERNAL_ERROR;
    }
    if (debug.isOn(parseResult)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return exitCode;
  }

  private static String describe(Exception ex) {
    String type = ex.getClass().getSimpleName();
    return ex.getMessage() == null ? type : type + ": " + ex.getMessage();
  }
}
