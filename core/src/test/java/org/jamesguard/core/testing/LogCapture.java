package org.jamesguard.core.testing;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Captures what one logger writes (everything from TRACE up), and keeps it off the console while it
 * does. Use it as a JUnit extension:
 * <pre>{@code
 * @RegisterExtension
 * LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);
 * ...
 * assertThat(audit.messages()).containsExactly("check=screened-ip verdict=reject ...");
 * }</pre>
 * or by hand with {@link #start()} and {@link #close()}.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    private final Logger logger;
    private ListAppender<ILoggingEvent> appender;
    private Level previousLevel;
    private boolean previousAdditive;

    private LogCapture(Logger logger) {
        this.logger = logger;
    }

    public static LogCapture of(String loggerName) {
        return new LogCapture((Logger) LoggerFactory.getLogger(loggerName));
    }

    public static LogCapture of(Class<?> type) {
        return of(type.getName());
    }

    /** Attaches to the logger; captures until {@link #close()}. */
    public LogCapture start() {
        if (appender != null) {
            throw new IllegalStateException("already capturing " + logger.getName());
        }
        appender = new ListAppender<>();
        appender.start();
        previousLevel = logger.getLevel();
        previousAdditive = logger.isAdditive();
        logger.setLevel(Level.TRACE);
        logger.setAdditive(false);
        logger.addAppender(appender);
        return this;
    }

    /** Detaches and restores the logger's level and additivity. */
    @Override
    public void close() {
        if (appender == null) {
            return;
        }
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        logger.setAdditive(previousAdditive);
        appender.stop();
        appender = null;
    }

    /** The formatted messages, oldest first. */
    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toUnmodifiableList());
    }

    /** The captured events, oldest first: for level and throwable. */
    public List<ILoggingEvent> events() {
        if (appender == null) {
            throw new IllegalStateException("not capturing " + logger.getName());
        }
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    /** Forgets what was captured so far. */
    public void clear() {
        if (appender != null) {
            synchronized (appender.list) {
                appender.list.clear();
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
