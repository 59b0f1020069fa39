package io.vpcflow.digesterd.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.vpcflow.digesterd.config.LoggingSettings;
import java.util.function.BooleanSupplier;

/**
 * logback's configuration until a command starts, in code rather than an XML file (parsing one
 * costs every start-up a few hundred classes and about a quarter of a second): JSON lines on
 * stderr, the service's own code at INFO, libraries at WARN ({@link Logging#apply}). Each command
 * then applies {@code RUNTIME_LOGGER_LEVEL} and {@code RUNTIME_LOGGER_OUTPUT}.
 *
 * <p>An explicit logback configuration wins: {@code -Dlogback.configurationFile=...}, or a {@code
 * logback-test.xml} on the class path (the tests').
 */
public final class DefaultLogging extends ContextAwareBase implements Configurator {
  private final BooleanSupplier explicitConfiguration;
  private final LogStreams streams;

  /** The instance logback loads through {@code META-INF/services}. */
  public DefaultLogging() {
    this(DefaultLogging::explicitConfigurationPresent, LogStreams.system());
  }

  DefaultLogging(BooleanSupplier explicitConfiguration, LogStreams streams) {
    this.explicitConfiguration = explicitConfiguration;
    this.streams = streams;
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (explicitConfiguration.getAsBoolean()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    Logging.apply(context, LoggingSettings.defaults(), streams);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static boolean explicitConfigurationPresent() {
    return System.getProperty("logback.configurationFile") != null
        || DefaultLogging.class.getClassLoader().getResource("logback-test.xml") != null;
  }
}
