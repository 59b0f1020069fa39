package io.vpcflow.digesterd.window;

/** A window bound that cannot be parsed, or a window that is empty or too long. */
public final class InvalidWindowException extends IllegalArgumentException {
  private final String parameter;

  /**
   * @param parameter the name of the offending input ({@code start}, {@code stop}, or both)
   * @param message what is wrong, fit to show to the user
   */
  public InvalidWindowException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The name of the offending input ({@code start}, {@code stop}). */
  public String parameter() {
    return parameter;
  }
}
