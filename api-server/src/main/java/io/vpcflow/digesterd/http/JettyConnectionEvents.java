package io.vpcflow.digesterd.http;

import io.vpcflow.digesterd.connstate.ConnectionState;
import io.vpcflow.digesterd.connstate.ConnectionStates;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import spark.embeddedserver.jetty.JettyServerFactory;

/**
 * Feeds the connection events of sparkjava's Jetty server into {@link ConnectionStates}: a
 * connection opened is new, a request begun makes it active, a request completed makes it idle, a
 * connection closed is closed. As a {@link JettyServerFactory} it makes the Jetty server the way
 * sparkjava's default does and listens on each of its connectors once the server starts. Jetty
 * hands no connection of this server to another protocol (no WebSocket or HTTP/2 upgrade), so none
 * is ever hijacked.
 */
final class JettyConnectionEvents
    implements JettyServerFactory, Connection.Listener, HttpChannel.Listener {
  private static final int DEFAULT_MIN_THREADS = 8;
  private static final int DEFAULT_IDLE_TIMEOUT_MILLIS = 60_000;

  private final ConnectionStates states;

  JettyConnectionEvents(ConnectionStates states) {
    this.states = states;
  }

  @Override
  public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
    if (maxThreads <= 0) {
      return listenedTo(new Server());
    }
    return listenedTo(
        new Server(
            new QueuedThreadPool(
                maxThreads,
                minThreads > 0 ? minThreads : DEFAULT_MIN_THREADS,
                threadTimeoutMillis > 0 ? threadTimeoutMillis : DEFAULT_IDLE_TIMEOUT_MILLIS)));
  }

  @Override
  public Server create(ThreadPool threadPool) {
    return listenedTo(threadPool == null ? new Server() : new Server(threadPool));
  }

  private Server listenedTo(Server server) {
    server.addLifeCycleListener(
        new AbstractLifeCycle.AbstractLifeCycleListener() {
          @Override
          public void lifeCycleStarting(LifeCycle event) {
            for (Connector connector : server.getConnectors()) {
              ((ContainerLifeCycle) connector).addBean(JettyConnectionEvents.this);
            }
          }
        });
    return server;
  }

  @Override
  public void onOpened(Connection connection) {
    states.record(connection, ConnectionState.NEW);
  }

  @Override
  public void onClosed(Connection connection) {
    states.record(connection, ConnectionState.CLOSED);
  }

  @Override
  public void onRequestBegin(Request request) {
    states.record(request.getHttpChannel().getConnection(), ConnectionState.ACTIVE);
  }

  @Override
  public void onComplete(Request request) {
    states.record(request.getHttpChannel().getConnection(), ConnectionState.IDLE);
  }
}
