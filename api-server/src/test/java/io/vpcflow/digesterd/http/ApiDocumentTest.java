package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code api.yaml} is a valid OpenAPI 3 document for a real parser (no error, no warning), every
 * operation has a unique {@code operationId}, and it describes exactly the route table ({@link
 * Routes#ENDPOINTS}) and the methods the server answers on each path ({@link Routes#methods}, HEAD
 * aside).
 */
class ApiDocumentTest {
  private static OpenAPI parse() throws Exception {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser()
            .readContents(Files.readString(Path.of("..", "api.yaml")), null, options);
    assertEquals(
        List.of(),
        result.getMessages() == null ? List.of() : result.getMessages(),
        "parser messages");
    assertNotNull(result.getOpenAPI());
    return result.getOpenAPI();
  }

  @Test
  void isValidOpenApiWithAnOperationIdPerOperation() throws Exception {
    OpenAPI api = parse();
    Set<String> ids = new HashSet<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          assertNotNull(
                              operation.getOperationId(),
                              method + " " + path + " has an operationId");
                          assertTrue(
                              ids.add(operation.getOperationId()),
                              "operationId " + operation.getOperationId() + " is unique");
                        }));
  }

  @Test
  void describesExactlyTheRoutesTheServerAnswers() throws Exception {
    Map<String, List<String>> documented = new TreeMap<>();
    for (Map.Entry<String, PathItem> entry : parse().getPaths().entrySet()) {
      List<String> methods = new ArrayList<>();
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          entry.getValue().readOperationsMap().entrySet()) {
        methods.add(op.getKey().name());
      }
      methods.sort(null);
      documented.put(entry.getKey(), methods);
    }
    Map<String, List<String>> served = new TreeMap<>();
    for (String path : documented.keySet()) {
      String concrete =
          path.replace("{topic}", "digests")
              .replace("{event}", "digest")
              .replace("{file}", "app.js");
      served.put(
          path,
          Routes.ENDPOINTS.stream()
              .filter(e -> e.path().equals(path) && e.matches().test(concrete))
              .map(Endpoint::method)
              .sorted()
              .toList());
      assertTrue(Routes.methods(concrete).containsAll(documented.get(path)), path);
    }
    assertEquals(served, documented);
    Map<String, List<String>> table = new TreeMap<>();
    for (Endpoint endpoint : Routes.ENDPOINTS) {
      table.computeIfAbsent(endpoint.path(), p -> new ArrayList<>()).add(endpoint.method());
    }
    table.values().forEach(methods -> methods.sort(null));
    assertEquals(
        table, documented, "every endpoint of the route table is described, and nothing else");
  }
}
