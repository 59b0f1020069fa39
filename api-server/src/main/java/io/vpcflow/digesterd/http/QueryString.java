package io.vpcflow.digesterd.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A URL query string ({@code a=1&b=2}) decoded strictly: {@code +} is a space, {@code %XX} a byte,
 * and the bytes must be UTF-8. Only the URL's query counts: a form body never adds parameters
 * (unlike the servlet API's {@code getParameter}).
 */
final class QueryString {
  private final Map<String, List<String>> values;

  private QueryString(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * Decodes {@code raw} (null or empty: no parameters). A name without {@code =} has the value
   * {@code ""}; empty pairs ({@code a=1&&b=2}) are skipped.
   *
   * @throws IllegalArgumentException when a {@code %} is not followed by two hex digits, or the
   *     bytes are not UTF-8
   */
  static QueryString parse(String raw) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    return new QueryString(values);
  }

  /** Every value of parameter {@code name}, in order; empty when it is absent. */
  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** The names of the parameters given, in order. */
  Set<String> names() {
    return values.keySet();
  }

  private static String decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= text.length()
            || Character.digit(text.charAt(i + 1), 16) < 0
            || Character.digit(text.charAt(i + 2), 16) < 0) {
          throw new IllegalArgumentException("'%' must be followed by two hex digits");
        }
        bytes.write(
            Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
        i += 2;
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
        bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the decoded bytes are not UTF-8", e);
    }
  }
}
