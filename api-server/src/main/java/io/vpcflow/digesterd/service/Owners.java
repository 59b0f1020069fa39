package io.vpcflow.digesterd.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** The name a process writes into the markers it owns. */
final class Owners {
  private Owners() {}

  /** {@code host/pid/random}: unique per process start, readable in a marker. */
  static String thisProcess() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host
        + "/"
        + ProcessHandle.current().pid()
        + "/"
        + UUID.randomUUID().toString().substring(0, 8);
  }
}
