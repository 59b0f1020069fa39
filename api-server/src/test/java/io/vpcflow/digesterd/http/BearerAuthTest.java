package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.config.ApiToken;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BearerAuthTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";
  private final BearerAuth auth = new BearerAuth(new ApiToken(TOKEN));

  @Test
  void allowsTheTokenWithTheBearerSchemeInAnyCase() {
    assertTrue(auth.allows("Bearer " + TOKEN));
    assertTrue(auth.allows("bearer " + TOKEN));
    assertTrue(auth.allows("BEARER   " + TOKEN + " "));
  }

  @Test
  void refusesAnythingElse() {
    char[] lastWrong = TOKEN.toCharArray();
    lastWrong[lastWrong.length - 1] = 'e';
    for (String header :
        Arrays.asList(
            null,
            "",
            "Bearer",
            "Bearer ",
            TOKEN,
            "Basic " + TOKEN,
            "Bearer " + new String(lastWrong),
            "Bearer " + TOKEN.substring(1),
            "Bearer " + TOKEN + "0",
            "Bearer " + TOKEN.toUpperCase(),
            "Bearer " + TOKEN + " " + TOKEN)) {
      assertFalse(auth.allows(header), String.valueOf(header));
    }
  }
}
