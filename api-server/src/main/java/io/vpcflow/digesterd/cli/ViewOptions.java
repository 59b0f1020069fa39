package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.view.InvalidParameterException;
import java.util.concurrent.Callable;

/** The view parameters as command-line options: a bad one is named {@code --name} in the error. */
final class ViewOptions {
  private ViewOptions() {}

  /**
   * The value {@code parse} gives for options named as parameters.
   *
   * @throws IllegalArgumentException naming the option, when the parameter is bad
   */
  static <T> T parse(Callable<T> parse) throws Exception {
    try {
      return parse.call();
    } catch (InvalidParameterException e) {
      throw new IllegalArgumentException(e.getMessage().replace("parameter '", "option '--"), e);
    }
  }
}
