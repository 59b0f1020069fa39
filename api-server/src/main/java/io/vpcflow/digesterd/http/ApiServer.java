package io.vpcflow.digesterd.http;

import io.vpcflow.digesterd.config.ListenAddress;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;
import spark.embeddedserver.jetty.EmbeddedJettyFactory;
import spark.embeddedserver.jetty.JettyServerFactory;

/**
 * The running HTTP API: a sparkjava instance (embedded Jetty) serving {@link Routes}. Its Jetty
 * server answers what it refuses itself (malformed or oversized requests) with the API's JSON
 * bodies ({@link ApiErrors#jetty()}).
 */
public final class ApiServer implements AutoCloseable {
  private static final String JETTY = "vpcflow-digesterd-jetty";

  static {
    EmbeddedServers.add(JETTY, new EmbeddedJettyFactory(new JettyWithJsonErrors()));
  }

  private final Service http;
  private final ListenAddress address;

  private ApiServer(Service http, ListenAddress address) {
    this.http = http;
    this.address = address;
  }

  /**
   * Starts serving {@code routes} on {@code address} and returns once it listens.
   *
   * @throws IOException when the address cannot be bound (e.g. the port is taken)
   */
  public static ApiServer start(ListenAddress address, Routes routes) throws IOException {
    Service http = Service.ignite();
    http.embeddedServerIdentifier(JETTY);
    http.ipAddress(address.host()).port(address.port());
    AtomicReference<Exception> failure = new AtomicReference<>();
    http.initExceptionHandler(failure::set);
    routes.install(http);
    http.awaitInitialization();
    if (failure.get() != null) {
      http.stop();
      throw new IOException("cannot listen on " + address + ": " + failure.get().getMessage(), failure.get());
    }
    return new ApiServer(http, address.withPort(http.port()));
  }

  /** The address bound (with the actual port when 0 was asked for). */
  public ListenAddress address() {
    return address;
  }

  /** The base URL of the API, on loopback when listening on all interfaces. */
  public URI uri() {
    String host = address.host().equals("0.0.0.0") || address.host().equals("::") ? "127.0.0.1" : address.host();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.port());
  }

  /** Stops accepting requests and waits for the server to stop. */
  @Override
  public void close() {
    http.stop();
    http.awaitStop();
  }

  /** Jetty servers as sparkjava makes them (same thread pools), with the API's error handler. */
  private static final class JettyWithJsonErrors implements JettyServerFactory {
    @Override
    public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
      if (maxThreads <= 0) {
        return withJsonErrors(new Server());
      }
      return withJsonErrors(new Server(new QueuedThreadPool(
          maxThreads, minThreads > 0 ? minThreads : 8, threadTimeoutMillis > 0 ? threadTimeoutMillis : 60_000)));
    }

    @Override
    public Server create(ThreadPool threadPool) {
      return withJsonErrors(threadPool == null ? new Server() : new Server(threadPool));
    }

    private static Server withJsonErrors(Server server) {
      server.setErrorHandler(ApiErrors.jetty());
      return server;
    }
  }
}
