package io.vpcflow.digesterd.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends StatsD lines over UDP: packed into payloads of at most the packet size, sent when a payload
 * is full, at every flush interval, and on close, so nothing recorded before {@link #close()} is
 * lost. UDP is best effort: a payload that cannot be sent is dropped. Thread-safe.
 */
final class UdpStatsdSink implements Consumer<String>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UdpStatsdSink.class);

  private final String host;
  private final int port;
  private final DatagramSocket socket;
  private final LinePacker packer;
  private final ScheduledExecutorService flusher;

  /**
   * @throws UncheckedIOException when no UDP socket can be opened
   */
  UdpStatsdSink(String host, int port, int packetSize, Duration flushInterval) {
    this.host = host;
    this.port = port;
    this.packer = new LinePacker(packetSize);
    try {
      this.socket = new DatagramSocket();
    } catch (SocketException e) {
      throw new UncheckedIOException("cannot open a UDP socket for stats", e);
    }
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "statsd-flush");
              thread.setDaemon(true);
              return thread;
            });
    long every = flushInterval.toMillis();
    flusher.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void accept(String line) {
    packer.add(line).ifPresent(this::send);
  }

  /** Sends the lines not sent yet. */
  synchronized void flush() {
    packer.drain().ifPresent(this::send);
  }

  private void send(byte[] payload) {
    try {
      socket.send(new DatagramPacket(payload, payload.length, new InetSocketAddress(host, port)));
    } catch (IOException | IllegalArgumentException e) {
      LOG.debug("stats to {}:{} dropped: {}", host, port, e.getMessage());
    }
  }

  /** Sends what is left and releases the socket. */
  @Override
  public void close() {
    flusher.shutdownNow();
    flush();
    socket.close();
  }
}
