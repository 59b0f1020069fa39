package io.vpcflow.digesterd.http;

import io.vpcflow.digesterd.config.ListenAddress;
import io.vpcflow.digesterd.connstate.ConnectionStates;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.ThreadPool;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;
import spark.embeddedserver.jetty.EmbeddedJettyFactory;
import spark.embeddedserver.jetty.JettyServerFactory;

/**
 * The running HTTP API: a sparkjava instance (embedded Jetty) serving {@link Routes}, with its
 * connections' states recorded in a {@link ConnectionStates}, and what Jetty refuses itself
 * (malformed or oversized requests) answered with the API's JSON bodies ({@link
 * ApiErrors#jetty()}). Each start registers one small server factory in sparkjava's JVM-wide {@link
 * EmbeddedServers} table, which has no removal.
 */
public final class ApiServer implements AutoCloseable {
  private final Service http;
  private final ListenAddress address;

  private ApiServer(Service http, ListenAddress address) {
    this.http = http;
    this.address = address;
  }

  /**
   * Starts serving {@code routes} on {@code address} and returns once it listens.
   *
   * @param connections where the state of every connection is recorded
   * @throws IOException when the address cannot be bound (e.g. the port is taken)
   */
  public static ApiServer start(ListenAddress address, Routes routes, ConnectionStates connections)
      throws IOException {
    JettyConnectionEvents events = new JettyConnectionEvents(connections);
    synchronized (EmbeddedServers.class) {
      EmbeddedServers.add(events, new EmbeddedJettyFactory(withJsonErrors(events)));
    }
    Service http = Service.ignite().ipAddress(address.host()).port(address.port());
    http.embeddedServerIdentifier(events);
    AtomicReference<Exception> failure = new AtomicReference<>();
    http.initExceptionHandler(failure::set);
    routes.install(http);
    http.awaitInitialization();
    if (failure.get() != null) {
      http.stop();
      throw new IOException(
          "cannot listen on " + address + ": " + failure.get().getMessage(), failure.get());
    }
    return new ApiServer(http, address.withPort(http.port()));
  }

  /** The address bound (with the actual port when 0 was asked for). */
  public ListenAddress address() {
    return address;
  }

  /** The base URL of the API, on loopback when listening on all interfaces. */
  public URI uri() {
    String host =
        address.host().equals("0.0.0.0") || address.host().equals("::")
            ? "127.0.0.1"
            : address.host();
    return URI.create(
        "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.port());
  }

  /** Stops accepting requests and waits for the server to stop. */
  @Override
  public void close() {
    http.stop();
    http.awaitStop();
  }

  /** The servers of {@code factory}, with the API's error handler. */
  private static JettyServerFactory withJsonErrors(JettyServerFactory factory) {
    return new JettyServerFactory() {
      @Override
      public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
        return jsonErrors(factory.create(maxThreads, minThreads, threadTimeoutMillis));
      }

      @Override
      public Server create(ThreadPool threadPool) {
        return jsonErrors(factory.create(threadPool));
      }
    };
  }

  private static Server jsonErrors(Server server) {
    server.setErrorHandler(ApiErrors.jetty());
    return server;
  }
}
