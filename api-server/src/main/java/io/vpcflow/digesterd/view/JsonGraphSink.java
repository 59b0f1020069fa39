package io.vpcflow.digesterd.view;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A graph as one JSON object: {@code edges} first (streamed as read; each with {@code source} and
 * {@code target} node ids, the addresses, the line's fields, and {@code diff} in a diff), then
 * {@code nodes} ({@code id}, {@code address}), then the facts, then {@code nodesComplete}. The
 * nodes are collected while the edges stream, up to {@link #MAX_NODES} distinct addresses; past
 * that the list stops growing and {@code nodesComplete} is false (each edge still names its
 * addresses).
 */
final class JsonGraphSink implements GraphSink {
  /** The most nodes listed. */
  static final int MAX_NODES = 100_000;

  private final JsonGenerator json;
  private final Set<String> nodes = new LinkedHashSet<>();
  private boolean nodesComplete = true;

  JsonGraphSink(OutputStream out) throws IOException {
    this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.writeStartObject();
    json.writeArrayFieldStart("edges");
  }

  @Override
  public void node(String address) {
    if (!nodes.contains(address)) {
      if (nodes.size() < MAX_NODES) {
        nodes.add(address);
      } else {
        nodesComplete = false;
      }
    }
  }

  @Override
  public void edge(DigestRecord r, String change) throws IOException {
    json.writeStartObject();
    json.writeStringField("source", NodeIds.of(r.src()));
    json.writeStringField("target", NodeIds.of(r.dst()));
    if (change != null) {
      json.writeStringField("diff", change);
    }
    JsonRecords.fields(json, r);
    json.writeEndObject();
  }

  @Override
  public void finish(Map<String, Object> facts) throws IOException {
    json.writeEndArray();
    json.writeArrayFieldStart("nodes");
    for (String address : nodes) {
      json.writeStartObject();
      json.writeStringField("id", NodeIds.of(address));
      json.writeStringField("address", address);
      json.writeEndObject();
    }
    json.writeEndArray();
    for (Map.Entry<String, Object> fact : facts.entrySet()) {
      json.writeObjectField(fact.getKey(), fact.getValue());
    }
    json.writeBooleanField("nodesComplete", nodesComplete);
    json.writeEndObject();
    json.flush();
  }
}
