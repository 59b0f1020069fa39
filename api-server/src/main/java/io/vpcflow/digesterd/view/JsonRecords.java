package io.vpcflow.digesterd.view;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The fields of a digest line in JSON, named as in the flow-log format ({@code version}, {@code
 * account-id}, {@code interface-id}, {@code srcaddr}, {@code dstaddr}, {@code srcport}, {@code
 * dstport}, {@code protocol}, {@code packets}, {@code bytes}, {@code start}, {@code end}, {@code
 * action}, {@code log-status}); numeric fields as numbers, {@code -} as null.
 */
final class JsonRecords {
  /** The field names, in line order. */
  static final String[] NAMES = {
    "version",
    "account-id",
    "interface-id",
    "srcaddr",
    "dstaddr",
    "srcport",
    "dstport",
    "protocol",
    "packets",
    "bytes",
    "start",
    "end",
    "action",
    "log-status"
  };

  private JsonRecords() {}

  /** The values of {@code r}, in the order of {@link #NAMES}. */
  static String[] values(DigestRecord r) {
    return new String[] {
      r.version(),
      r.account(),
      r.iface(),
      r.src(),
      r.dst(),
      r.srcPort(),
      r.dstPort(),
      r.protocol(),
      Long.toString(r.packets()),
      Long.toString(r.bytes()),
      r.start(),
      r.end(),
      r.action(),
      r.logStatus()
    };
  }

  /** Writes the fields of {@code r} into the current object. */
  static void fields(JsonGenerator json, DigestRecord r) throws IOException {
    String[] values = values(r);
    for (int i = 0; i < NAMES.length; i++) {
      String v = values[i];
      if (v.equals("-")) {
        json.writeNullField(NAMES[i]);
      } else if (isNumber(i) && v.matches("[0-9]{1,18}")) {
        json.writeNumberField(NAMES[i], Long.parseLong(v));
      } else {
        json.writeStringField(NAMES[i], v);
      }
    }
  }

  /**
   * Whether field {@code i} is numeric in the flow-log format (all but ids, addresses, action,
   * status).
   */
  private static boolean isNumber(int i) {
    return i == 0 || (i >= 5 && i <= 11);
  }
}
