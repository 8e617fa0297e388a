package dev.attune.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * The {@code attune} command: {@code migrate}, {@code info} and {@code validate} the configured schema,
 * {@code cleanup-test-schemas} on the configured server, {@code role-statement} (the role setting a transaction
 * pooler needs), and {@code demo}: Attune's main flow on an embedded PostgreSQL (or, with {@code --config}, on the
 * configured database).
 *
 * <pre>
 * attune migrate --config config.production.yaml
 * </pre>
 *
 * <p>Exit codes are {@link ExitCodes}: 0 success, 1 the operation failed, 2 invalid usage or configuration. Results go
 * to the {@code out} writer; a failure is one line {@code error: <message>} on the {@code err} writer (followed by the
 * stack trace with {@code --verbose}); logging goes to standard error through Logback.
 *
 * <p>An instance reads configuration only from the environment map it is given, so tests run it in-process with their
 * own environment and writers.
 */
@Command(name = "attune",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Migrates and inspects the Attune database schema.",
            "Try it with nothing installed: attune demo"},
        footerHeading = "%nConfiguration:%n",
        footer = {
            "  --config <file>, else $" + CommonOptions.CONFIG_VARIABLE + ", else " + CommonOptions.DEFAULT_CONFIG + ".",
            "  $${VAR} and $${VAR:-default} in the file are read from the environment;",
            "  ATTUNE__DATABASE__SCHEMA=... (ATTUNE__<SECTION>__<KEY>) overrides a key."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:operation failed (database or migration error, validation problems)",
            "2:invalid usage or configuration"})
public final class AttuneCli {

    private final CommandLine commandLine;

    /**
     * @param environment the process environment: configuration variables, {@code ATTUNE_CONFIG} and
     *                    {@code ATTUNE__…} overrides are read from it
     * @param out         receives results and help
     * @param err         receives the one-line errors
     */
    public AttuneCli(Map<String, String> environment, PrintWriter out, PrintWriter err) {
        CliContext context = new CliContext(environment, out, err);
        ErrorHandler errors = new ErrorHandler();
        this.commandLine = new CommandLine(this)
                .addSubcommand(new MigrateCommand(context))
                .addSubcommand(new InfoCommand(context))
                .addSubcommand(new ValidateCommand(context))
                .addSubcommand(new CleanupTestSchemasCommand(context))
                .addSubcommand(new RoleStatementCommand(context))
                .addSubcommand(new DemoCommand(context))
                .setOut(out)
                .setErr(err)
                .setExecutionStrategy(AttuneCli::execute)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }

    /**
     * Runs the command line {@code args} and returns the exit code. The writers are flushed, not closed: the caller
     * created them.
     */
    public int run(String... args) {
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    /** Runs with the process environment and standard streams, then exits with the command's exit code. */
    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        System.exit(new AttuneCli(System.getenv(), out, err).run(args));
    }

    /** Sets up logging for the chosen subcommand's {@code --verbose}, then runs it. */
    private static int execute(ParseResult parseResult) {
        var commands = parseResult.asCommandLineList();
        Logging.configure(commands.get(commands.size() - 1).getParseResult().hasMatchedOption("--verbose"));
        return new CommandLine.RunLast().execute(parseResult);
    }
}
