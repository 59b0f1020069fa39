package io.vpcflow.digesterd.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bearer token of the API ({@code DIGESTERD_AUTH_TOKEN}): when set, every route but {@code GET
 * /healthcheck} requires {@code Authorization: Bearer <token>}, and the event-bus queuer sends it.
 * Never printed: {@link #toString()} masks it, and configuration problems never quote it.
 */
public final class ApiToken {
  /** The shortest token accepted. */
  public static final int MIN_LENGTH = 16;

  private static final String NAME = "DIGESTERD_AUTH_TOKEN";
  private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

  private final String value;

  /**
   * @param value the token: at least {@link #MIN_LENGTH} characters of RFC 6750's token syntax
   * @throws IllegalArgumentException otherwise (without quoting the value)
   */
  public ApiToken(String value) {
    Optional<String> problem = problem(value);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    this.value = value;
  }

  /** The token itself. */
  public String value() {
    return value;
  }

  /** The value of the {@code Authorization} header that carries this token. */
  public String authorization() {
    return "Bearer " + value;
  }

  @Override
  public String toString() {
    return "ApiToken(****)";
  }

  static Optional<ApiToken> read(EnvReader in) {
    Optional<String> value = in.optional(NAME);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> problem = problem(value.get());
    problem.ifPresent(in::problem);
    return problem.isPresent() ? Optional.empty() : Optional.of(new ApiToken(value.get()));
  }

  private static Optional<String> problem(String value) {
    if (value.length() < MIN_LENGTH) {
      return Optional.of(
          NAME
              + " must be at least "
              + MIN_LENGTH
              + " characters long, it has "
              + value.length()
              + " (make one with: openssl rand -hex 32)");
    }
    if (!TOKEN68.matcher(value).matches()) {
      return Optional.of(
          NAME
              + " may hold only letters, digits and - . _ ~ + / (then = signs), as a bearer token (RFC 6750)");
    }
    return Optional.empty();
  }
}
