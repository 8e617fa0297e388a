package dev.attune.cli;

import dev.attune.db.AttuneDbException;
import dev.attune.db.ConfigurationException;
import dev.attune.db.InvalidSchemaNameException;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line {@code error: <message>} on standard error and an exit code: {@link ExitCodes#USAGE}
 * for a bad command line or configuration, {@link ExitCodes#FAILED} for everything else. With {@code --verbose} the stack
 * trace follows the line.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        report(command.getErr(), e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        report(err, message(e));
        if (command.getParseResult().hasMatchedOption("--verbose")) {
            e.printStackTrace(err);
        }
        return exitCode(e);
    }

    /** {@link ExitCodes#USAGE} for configuration problems, {@link ExitCodes#FAILED} for everything else. */
    static int exitCode(Exception e) {
        boolean usage = e instanceof UsageException || e instanceof ConfigurationException
                || e instanceof InvalidSchemaNameException;
        return usage ? ExitCodes.USAGE : ExitCodes.FAILED;
    }

    private static String message(Exception e) {
        boolean ours = e instanceof AttuneDbException || e instanceof UsageException || e instanceof OperationFailedException;
        if (ours && e.getMessage() != null) {
            return e.getMessage();
        }
        // Unexpected: the type tells more than a bare (or absent) message.
        return e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void report(PrintWriter err, String message) {
        err.println("error: " + oneLine(message));
        err.flush();
    }

    /** Joins a multi-line message (Flyway's are) into one line, dropping blank and {@code ----} separator lines. */
    static String oneLine(String message) {
        return message.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.chars().allMatch(c -> c == '-'))
                .collect(Collectors.joining(" | "));
    }
}
