package io.vpcflow.digesterd.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChoicesTest {
  @Test
  void eachNameGivesItsConstantAndNoneGivesTheFirst() {
    assertEquals(GraphFormat.DOT, GraphFormat.parse("format", null));
    assertEquals(GraphFormat.JSON, GraphFormat.parse("format", "json"));
    assertEquals(QueryFormat.JSON, QueryFormat.parse("format", null));
    assertEquals(QueryFormat.NDJSON, QueryFormat.parse("format", "ndjson"));
    assertEquals(Weight.BYTES, Weight.parse("by", null));
    assertEquals(Weight.PACKETS, Weight.parse("by", "packets"));
  }

  @Test
  void anyOtherValueNamesTheParameterAndTheAcceptedNames() {
    assertEquals(
        "parameter 'format' must be dot or json, not 'DOT'",
        assertThrows(InvalidParameterException.class, () -> GraphFormat.parse("format", "DOT"))
            .getMessage());
    assertEquals(
        "parameter 'format' must be json, csv or ndjson, not 'xml'",
        assertThrows(InvalidParameterException.class, () -> QueryFormat.parse("format", "xml"))
            .getMessage());
    InvalidParameterException by =
        assertThrows(InvalidParameterException.class, () -> Weight.parse("by", ""));
    assertEquals("parameter 'by' must be bytes or packets, not ''", by.getMessage());
    assertEquals("by", by.parameter());
  }
}
