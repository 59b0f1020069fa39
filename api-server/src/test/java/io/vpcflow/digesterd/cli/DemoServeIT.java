package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.apitesting.JarProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --serve} of the fat jar: after the demo it prints the web page's address and curl
 * commands, and both answer while the API stays up.
 */
class DemoServeIT {
  @TempDir Path temp;

  @Test
  void printsTheWebPageAndCommandsThatAnswer() throws Exception {
    try (JarProcess demo =
        JarProcess.start(
            Map.of(),
            temp.resolve("demo.out"),
            "demo",
            "--serve",
            "--data-dir",
            temp.resolve("data").toString(),
            "--records-per-object",
            "100")) {
      String page =
          demo.awaitOutput(Pattern.compile("Web page: (http://\\S+/ui) "), Duration.ofMinutes(2));
      String query =
          demo.awaitOutput(
              Pattern.compile("curl -s '(http://\\S+/query\\S+)'"), Duration.ofSeconds(5));
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> ui =
          http.send(
              HttpRequest.newBuilder(URI.create(page)).build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> top =
          http.send(
              HttpRequest.newBuilder(URI.create(query)).build(),
              HttpResponse.BodyHandlers.ofString());

      assertEquals(200, ui.statusCode(), ui.body());
      assertTrue(ui.body().contains("<html") && ui.body().contains("vpcflow-digesterd"), ui.body());
      assertEquals(200, top.statusCode(), top.body());
      assertEquals(11, top.body().lines().count(), "a header and the top 10 rows:\n" + top.body());
    }
  }
}
