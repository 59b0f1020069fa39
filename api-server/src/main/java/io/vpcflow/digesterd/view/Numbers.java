package io.vpcflow.digesterd.view;

/** Whole-number parameters. */
final class Numbers {
  private Numbers() {}

  /**
   * {@code value} as a number from {@code min} to {@code max}.
   *
   * @throws InvalidParameterException naming {@code parameter} when it is not one
   */
  static int inRange(String parameter, String value, int min, int max) {
    if (value.matches("[0-9]{1,9}")) {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    }
    throw new InvalidParameterException(
        parameter,
        "parameter '"
            + parameter
            + "' must be a whole number from "
            + min
            + " to "
            + max
            + ", not '"
            + value
            + "'");
  }
}
