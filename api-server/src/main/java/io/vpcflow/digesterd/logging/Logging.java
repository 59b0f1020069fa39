package io.vpcflow.digesterd.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.helpers.NOPAppender;
import io.vpcflow.digesterd.config.LoggingSettings;
import java.io.OutputStream;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link LoggingSettings} to logback: the root logger gets one appender writing JSON lines
 * to the chosen output (or none for {@code NULL}); the service's own loggers ({@code io.vpcflow})
 * log at the chosen level; libraries at {@code WARN} or above (never DEBUG: HTTP clients log
 * request headers there, credentials included).
 *
 * <p>Each line is a JSON object: {@code timestamp} (epoch ms), {@code level}, {@code threadName},
 * {@code loggerName}, {@code mdc}, {@code kvpList} (the SLF4J key-value pairs, e.g. {@code
 * [{"event":"digest-done"},{"id":"..."}]}), {@code formattedMessage} and, when there is one, {@code
 * throwable}.
 */
public final class Logging {
  /** The loggers of the service's own code. */
  public static final String OWN_LOGGERS = "io.vpcflow";

  private static final String APPENDER = "JSON";

  private Logging() {}

  /** Applies {@code settings} with the process's stdout and stderr. */
  public static void apply(LoggingSettings settings) {
    apply(settings, LogStreams.system());
  }

  /** Applies {@code settings}, writing to {@code streams}; replaces any earlier configuration. */
  public static void apply(LoggingSettings settings, LogStreams streams) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      apply(context, settings, streams);
    } // else another SLF4J binding: its own configuration applies
  }

  /** Applies {@code settings} to {@code context}, writing to {@code streams}. */
  static synchronized void apply(
      LoggerContext context, LoggingSettings settings, LogStreams streams) {
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Appender<ILoggingEvent> appender = appender(context, settings.output(), streams);
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
    Level own = Level.toLevel(settings.level().name(), Level.INFO);
    root.setLevel(own.isGreaterOrEqual(Level.WARN) ? own : Level.WARN);
    context.getLogger(OWN_LOGGERS).setLevel(own);
  }

  private static Appender<ILoggingEvent> appender(
      LoggerContext context, LoggingSettings.Output output, LogStreams streams) {
    if (output == LoggingSettings.Output.NULL) {
      NOPAppender<ILoggingEvent> nop = new NOPAppender<>();
      nop.setContext(context);
      nop.setName(APPENDER);
      nop.start();
      return nop;
    }
    OutputStream target =
        output == LoggingSettings.Output.STDOUT ? streams.stdout() : streams.stderr();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER);
    appender.setEncoder(encoder(context));
    appender.setImmediateFlush(true);
    appender.setOutputStream(target);
    appender.start();
    return appender;
  }

  /**
   * logback's JSON encoder without the noise: no context, sequence numbers, raw templates or
   * arguments; bucket URIs shown as {@code s3://} ({@link S3UriJsonEncoder}).
   */
  static JsonEncoder encoder(LoggerContext context) {
    JsonEncoder encoder = new S3UriJsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithMarkers(false);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    return encoder;
  }
}
