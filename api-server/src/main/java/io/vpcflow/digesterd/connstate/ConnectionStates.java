package io.vpcflow.digesterd.connstate;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The state of every open connection of a server, and how many times connections entered each
 * state. A connection is tracked from {@link ConnectionState#NEW} until it is {@link
 * ConnectionState#CLOSED} or {@link ConnectionState#HIJACKED}; a request event for a connection not
 * tracked (one that arrives after its close) changes and counts nothing. Thread-safe.
 */
public final class ConnectionStates {
  private final Map<Object, ConnectionState> open = new ConcurrentHashMap<>();
  private final Map<ConnectionState, LongAdder> entered = new EnumMap<>(ConnectionState.class);

  public ConnectionStates() {
    for (ConnectionState state : ConnectionState.values()) {
      entered.put(state, new LongAdder());
    }
  }

  /** Records that {@code connection} (any object identifying it) entered {@code state}. */
  public void record(Object connection, ConnectionState state) {
    boolean changed;
    if (state == ConnectionState.NEW) {
      changed = open.put(connection, state) == null;
    } else if (state.open()) {
      changed = open.computeIfPresent(connection, (c, previous) -> state) != null;
    } else {
      changed = open.remove(connection) != null;
    }
    if (changed) {
      entered.get(state).increment();
    }
  }

  /** How many times connections entered {@code state} (a counter). */
  public long entered(ConnectionState state) {
    return entered.get(state).sum();
  }

  /** How many connections are in {@code state} now (a gauge; 0 for the states after closing). */
  public long current(ConnectionState state) {
    return open.values().stream().filter(s -> s == state).count();
  }
}
