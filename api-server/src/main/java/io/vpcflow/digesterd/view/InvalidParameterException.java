package io.vpcflow.digesterd.view;

/** A view parameter (filter, format, limit, ...) with a bad value; names the parameter. */
public final class InvalidParameterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  /**
   * @param parameter the name of the parameter, as the user gave it
   * @param message what is wrong and what is accepted
   */
  public InvalidParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The name of the bad parameter. */
  public String parameter() {
    return parameter;
  }
}
