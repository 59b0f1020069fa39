package io.vpcflow.digesterd.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A TCP proxy on loopback in front of an HTTP server (the S3 server of a test) that injects faults:
 * S3 down (connections cut and refused), slow requests, throttling answers ({@code 503 SlowDown})
 * and failing writes. It reads the request heads (HTTP/1.1 with {@code Content-Length} bodies, as
 * the AWS SDK sends them) to apply faults per request; answers stream back untouched. A {@link
 * #onRequest listener} sees every request head that reaches it.
 */
public final class FaultProxy implements AutoCloseable {
  private static final byte[] SLOW_DOWN_BODY =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"
          .getBytes(StandardCharsets.UTF_8);

  private final InetSocketAddress target;
  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean down;
  private volatile boolean failWrites;
  private final AtomicInteger delayedLeft = new AtomicInteger();
  private final AtomicLong delayMillis = new AtomicLong();
  private final AtomicInteger throttleLeft = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger throttled = new AtomicInteger();
  private final AtomicInteger delayed = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile Consumer<String> headListener = head -> {};

  private FaultProxy(URI target) throws IOException {
    this.target = new InetSocketAddress(target.getHost(), target.getPort());
    this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "fault-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy in front of {@code target} ({@code http://host:port}), passing everything through. */
  public static FaultProxy start(URI target) throws IOException {
    return new FaultProxy(target);
  }

  /** The proxy's address, to use as the S3 endpoint. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /**
   * Calls {@code listener} with the head (request line and headers, ISO-8859-1) of every request
   * the proxy receives from now on, before any fault is applied; replaces the earlier listener.
   */
  public FaultProxy onRequest(Consumer<String> listener) {
    this.headListener = listener;
    return this;
  }

  /** S3 goes down: open connections are cut and new ones closed at once, until {@link #up()}. */
  public void down() {
    down = true;
    cutAll();
  }

  /** S3 is back, and every other fault is cleared. */
  public void up() {
    down = false;
    failWrites = false;
    delayedLeft.set(0);
    throttleLeft.set(0);
  }

  /** The next {@code count} requests are held for {@code delay} before they are passed on. */
  public void delayNext(int count, Duration delay) {
    delayMillis.set(delay.toMillis());
    delayedLeft.set(count);
  }

  /** The next {@code count} requests are answered {@code 503 SlowDown}. */
  public void throttleNext(int count) {
    throttleLeft.set(count);
  }

  /** Requests that write (PUT, POST, DELETE) have their connection cut, until {@link #up()}. */
  public void failWrites() {
    failWrites = true;
  }

  /** Requests seen. */
  public int requests() {
    return requests.get();
  }

  /** Requests answered {@code 503 SlowDown}. */
  public int throttled() {
    return throttled.get();
  }

  /** Requests held back. */
  public int delayed() {
    return delayed.get();
  }

  /** Connections and requests refused or cut while down or failing writes. */
  public int refused() {
    return refused.get();
  }

  private void cutAll() {
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (down) {
          refused.incrementAndGet();
          closeQuietly(client);
          continue;
        }
        Thread relay = new Thread(() -> relay(client), "fault-proxy-relay");
        relay.setDaemon(true);
        relay.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void relay(Socket client) {
    Socket upstream = new Socket();
    open.add(client);
    open.add(upstream);
    try {
      upstream.connect(target, 5000);
      Thread back = new Thread(() -> copy(upstream, client), "fault-proxy-answers");
      back.setDaemon(true);
      back.start();
      forwardRequests(
          new BufferedInputStream(client.getInputStream()),
          client.getOutputStream(),
          upstream.getOutputStream());
    } catch (IOException | InterruptedException e) {
      // a cut connection or a closed peer ends the relay
    } finally {
      open.remove(client);
      open.remove(upstream);
      closeQuietly(client);
      closeQuietly(upstream);
    }
  }

  private void forwardRequests(InputStream in, OutputStream toClient, OutputStream toServer)
      throws IOException, InterruptedException {
    while (true) {
      byte[] head = readHead(in);
      if (head == null) {
        return;
      }
      requests.incrementAndGet();
      String text = new String(head, StandardCharsets.ISO_8859_1);
      headListener.accept(text);
      String method = text.substring(0, Math.max(0, text.indexOf(' ')));
      long length = contentLength(text);
      if (down || (failWrites && Set.of("PUT", "POST", "DELETE").contains(method))) {
        refused.incrementAndGet();
        return;
      }
      if (takeOne(throttleLeft)) {
        throttled.incrementAndGet();
        in.skipNBytes(Math.max(0, length));
        toClient.write(
            ("HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: "
                    + SLOW_DOWN_BODY.length
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        toClient.write(SLOW_DOWN_BODY);
        toClient.flush();
        return;
      }
      if (takeOne(delayedLeft)) {
        delayed.incrementAndGet();
        Thread.sleep(delayMillis.get());
      }
      toServer.write(head);
      if (length < 0) {
        in.transferTo(toServer);
        return;
      }
      copyExactly(in, toServer, length);
      toServer.flush();
    }
  }

  private static boolean takeOne(AtomicInteger left) {
    return left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  /** The request head up to and including the blank line; null at the end of the stream. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      last4 = (last4 << 8) | b;
      if (last4 == 0x0D0A0D0A) {
        return head.toByteArray();
      }
    }
    return null;
  }

  /** The Content-Length of a head: 0 without one, -1 for a chunked body (relayed to the end). */
  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
      }
      if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        return -1;
      }
    }
    return 0;
  }

  private static void copyExactly(InputStream in, OutputStream out, long length)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("request body ended early");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static void copy(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // the relay closes both sockets
    } finally {
      closeQuietly(to);
      closeQuietly(from);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    cutAll();
  }
}
