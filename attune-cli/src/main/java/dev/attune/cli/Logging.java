package dev.attune.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/**
 * Switches between the quiet logging of {@code logback.xml} and {@code --verbose}.
 *
 * <p>Quiet: {@code dev.attune} at INFO, Flyway and HikariCP at WARN, one short line per event and no stack traces (errors
 * are reported once, by {@link ErrorHandler}). Verbose: {@code dev.attune} at DEBUG, Flyway and HikariCP at INFO, with
 * time, thread, logger and stack traces. Every run sets the levels explicitly, so one verbose run does not leak into the
 * next one in the same JVM (tests).
 */
final class Logging {

    /** Name of the console appender in {@code logback.xml}. */
    static final String APPENDER = "STDERR";

    private static final String VERBOSE_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    private static Encoder<ILoggingEvent> quietEncoder;
    private static Encoder<ILoggingEvent> verboseEncoder;

    private Logging() {
    }

    /** Applies the quiet or the verbose settings; does nothing when Logback is not the SLF4J backend. */
    static synchronized void configure(boolean verbose) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.getLogger("dev.attune").setLevel(verbose ? Level.DEBUG : Level.INFO);
        context.getLogger("org.flywaydb").setLevel(verbose ? Level.INFO : Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(verbose ? Level.INFO : Level.WARN);
        if (context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(APPENDER)
                instanceof OutputStreamAppender<ILoggingEvent> appender) {
            if (quietEncoder == null) {
                quietEncoder = appender.getEncoder();
                verboseEncoder = verboseEncoder(context);
            }
            appender.setEncoder(verbose ? verboseEncoder : quietEncoder);
        }
    }

    private static Encoder<ILoggingEvent> verboseEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(VERBOSE_PATTERN);
        encoder.start();
        return encoder;
    }
}
