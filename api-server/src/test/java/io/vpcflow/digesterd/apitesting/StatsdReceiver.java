package io.vpcflow.digesterd.apitesting;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A StatsD agent stand-in: a UDP socket on loopback collecting every line received. */
public final class StatsdReceiver implements AutoCloseable {
  private final DatagramSocket socket;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  public StatsdReceiver() throws SocketException {
    socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    reader = new Thread(this::read, "statsd-receiver");
    reader.setDaemon(true);
    reader.start();
  }

  /** The UDP port on 127.0.0.1. */
  public int port() {
    return socket.getLocalPort();
  }

  private void read() {
    byte[] buffer = new byte[65535];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (IOException closed) {
        return;
      }
      String payload = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
      synchronized (lines) {
        for (String line : payload.split("\n")) {
          if (!line.isBlank()) {
            lines.add(line);
          }
        }
      }
    }
  }

  /** Every line received so far. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /**
   * Waits up to {@code timeout} for a line matching {@code wanted}; returns every line received.
   */
  public List<String> awaitLine(Predicate<String> wanted, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline) && lines().stream().noneMatch(wanted)) {
      Thread.sleep(50);
    }
    return lines();
  }

  @Override
  public void close() {
    socket.close();
  }
}
