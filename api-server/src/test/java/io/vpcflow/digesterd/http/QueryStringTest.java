package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryStringTest {
  @Test
  void decodesPercentEscapesPlusAndUtf8() {
    QueryString q =
        QueryString.parse(
            "start=2019-01-01T01%3A00%3A00%2B01%3A00&stop=a+b&name=%C3%A9t%C3%A9&raw=été");
    assertEquals(List.of("2019-01-01T01:00:00+01:00"), q.all("start"));
    assertEquals(List.of("a b"), q.all("stop"));
    assertEquals(List.of("été"), q.all("name"));
    assertEquals(List.of("été"), q.all("raw"));
  }

  @Test
  void keepsEveryValueOfARepeatedNameInOrder() {
    QueryString q = QueryString.parse("start=1&stop=2&start=3&&flag");
    assertEquals(List.of("1", "3"), q.all("start"));
    assertEquals(List.of(""), q.all("flag"));
    assertEquals(List.of(), q.all("missing"));
    assertEquals(List.of(), QueryString.parse(null).all("start"));
  }

  @Test
  void refusesBrokenEscapesAndBytesThatAreNotUtf8() {
    for (String bad :
        List.of("start=%zz", "start=%", "start=%4", "start=%FF%FE", "start=%C3", "%E0%80%80=x")) {
      assertThrows(IllegalArgumentException.class, () -> QueryString.parse(bad), bad);
    }
  }
}
