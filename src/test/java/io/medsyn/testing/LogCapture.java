package io.medsyn.testing;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything one logger (and its children) writes while open, at every level down to DEBUG, as text: for tests that
 * check what is, or is never, logged. Events are taken from the console while captured.
 */
public final class LogCapture implements AutoCloseable {
  private final String loggerName;
  private final StringWriter text = new StringWriter();
  private final WriterAppender appender;
  private final LoggerContext context;

  private LogCapture(String loggerName) {
    this.loggerName = loggerName;
    this.context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    appender = WriterAppender.newBuilder()
        .setName("capture-" + loggerName)
        .setTarget(text)
        .setLayout(PatternLayout.newBuilder().withPattern("%-5p %c{1}: %m%n%throwable").build())
        .build();
    appender.start();
    LoggerConfig logger = new LoggerConfig(loggerName, Level.DEBUG, false);
    logger.addAppender(appender, Level.DEBUG, null);
    config.addLogger(loggerName, logger);
    context.updateLoggers();
  }

  public static LogCapture of(String loggerName) {
    return new LogCapture(loggerName);
  }

  public String text() {
    return text.toString();
  }

  @Override
  public void close() {
    context.getConfiguration().removeLogger(loggerName);
    context.updateLoggers();
    appender.stop();
  }
}
