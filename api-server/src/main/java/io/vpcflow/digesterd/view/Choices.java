package io.vpcflow.digesterd.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A parameter whose value names one constant of an enum, in lower case; the first when absent. */
final class Choices {
  private Choices() {}

  /**
   * The constant of {@code type} named {@code value} in lower case; the first constant when {@code
   * value} is null.
   *
   * @throws InvalidParameterException naming {@code parameter} and the accepted names otherwise
   */
  static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
    E[] constants = type.getEnumConstants();
    if (value == null) {
      return constants[0];
    }
    List<String> names = new ArrayList<>();
    for (E constant : constants) {
      String name = constant.name().toLowerCase(Locale.ROOT);
      if (name.equals(value)) {
        return constant;
      }
      names.add(name);
    }
    String accepted =
        String.join(", ", names.subList(0, names.size() - 1))
            + " or "
            + names.get(names.size() - 1);
    throw new InvalidParameterException(
        parameter, "parameter '" + parameter + "' must be " + accepted + ", not '" + value + "'");
  }
}
