package io.vpcflow.digesterd.pipeline;

import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Pipeline options from {@code --name=value} arguments, with errors that name the argument: Beam's
 * own message for a value it cannot read ("Unable to parse JSON value soon") does not say which
 * option it was.
 */
public final class OptionArgs {
  private OptionArgs() {}

  /**
   * The options of {@code type} the arguments give (not validated: required values may still be set
   * afterwards).
   *
   * @throws IllegalArgumentException naming the first argument Beam refuses, or Beam's message when
   *     it refuses only their combination
   */
  public static <T extends PipelineOptions> T parse(Class<T> type, String... args) {
    PipelineOptionsFactory.register(type);
    try {
      return PipelineOptionsFactory.fromArgs(args).as(type);
    } catch (RuntimeException whole) {
      for (String arg : args) {
        try {
          PipelineOptionsFactory.fromArgs(arg).as(type);
        } catch (RuntimeException one) {
          throw new IllegalArgumentException(
              "invalid argument " + arg + ": " + firstLine(one.getMessage()), whole);
        }
      }
      throw new IllegalArgumentException(whole.getMessage(), whole);
    }
  }

  /** The first line of a message (Jackson's add where in the input the value was). */
  private static String firstLine(String message) {
    return message == null ? "unreadable value" : message.lines().findFirst().orElse("").trim();
  }

  /**
   * Like {@link #parse}, then checked against {@code type}'s rules.
   *
   * @throws IllegalArgumentException also naming the required options that are missing
   */
  public static <T extends PipelineOptions> T parseValid(Class<T> type, String... args) {
    parse(type, args);
    return PipelineOptionsFactory.fromArgs(args).withValidation().as(type);
  }
}
