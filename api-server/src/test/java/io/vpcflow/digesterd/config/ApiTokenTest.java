package io.vpcflow.digesterd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiTokenTest {
  private static final String TOKEN = "k8H2-x_9.Zq~3/vW+pL0=";

  @Test
  void unsetOrEmptyMeansNoAuthentication() {
    assertTrue(ServiceConfig.fromEnvironment(Map.of()).server().authToken().isEmpty());
    assertTrue(
        ServiceConfig.fromEnvironment(Map.of("DIGESTERD_AUTH_TOKEN", "  "))
            .server()
            .authToken()
            .isEmpty());
  }

  @Test
  void readsTheTokenAndNeverPrintsIt() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of("DIGESTERD_AUTH_TOKEN", TOKEN));
    ApiToken token = config.server().authToken().orElseThrow();
    assertEquals(TOKEN, token.value());
    assertEquals("Bearer " + TOKEN, token.authorization());
    assertFalse(token.toString().contains(TOKEN), token.toString());
    assertFalse(config.toString().contains(TOKEN), config.toString());
  }

  @Test
  void aShortTokenOrOneThatIsNotABearerTokenIsAProblemThatDoesNotQuoteIt() {
    for (String bad :
        new String[] {"short-secret-15", "sixteen chars ok", "quote\"d-token-abcdef"}) {
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> ServiceConfig.fromEnvironment(Map.of("DIGESTERD_AUTH_TOKEN", bad)),
              bad);
      assertEquals(1, e.problems().size(), e.getMessage());
      assertTrue(e.problems().get(0).startsWith("DIGESTERD_AUTH_TOKEN"), e.getMessage());
      assertFalse(e.getMessage().contains(bad), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new ApiToken("short"));
  }
}
