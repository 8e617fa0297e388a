package dev.attune.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures the events one logger receives on the current thread (other test classes log concurrently). Detaches itself
 * on {@link #close()}.
 */
final class CapturedLogs implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final String thread = Thread.currentThread().getName();

    CapturedLogs(Class<?> loggerOf) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerOf);
        appender.start();
        logger.addAppender(appender);
    }

    /** The formatted messages logged so far on the thread that created this capture. */
    List<String> messages() {
        synchronized (appender) {
            return appender.list.stream()
                    .filter(event -> event.getThreadName().equals(thread))
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
