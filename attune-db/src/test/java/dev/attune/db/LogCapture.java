package dev.attune.db;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The messages one class logs while a test runs; close to detach. The level comes from {@code logback-test.xml}
 * ({@link Database} logs INFO there, to no appender but these), never changed here: tests run
 * concurrently.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Class<?> type) {
        this.logger = (Logger) LoggerFactory.getLogger(type);
        appender.start();
        logger.addAppender(appender);
    }

    public static LogCapture of(Class<?> type) {
        return new LogCapture(type);
    }

    /** "LEVEL message" of each event that mentions {@code text} (tests run concurrently: filter by your schema). */
    public List<String> linesMentioning(String text) {
        List<ILoggingEvent> events;
        synchronized (appender) { // the lock AppenderBase.doAppend appends under
            events = List.copyOf(appender.list);
        }
        return events.stream()
                .filter(event -> event.getFormattedMessage().contains(text))
                .map(event -> event.getLevel() + " " + event.getFormattedMessage())
                .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
