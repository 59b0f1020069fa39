package io.vpcflow.digesterd.connstate;

import static io.vpcflow.digesterd.connstate.ConnectionState.ACTIVE;
import static io.vpcflow.digesterd.connstate.ConnectionState.CLOSED;
import static io.vpcflow.digesterd.connstate.ConnectionState.HIJACKED;
import static io.vpcflow.digesterd.connstate.ConnectionState.IDLE;
import static io.vpcflow.digesterd.connstate.ConnectionState.NEW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionStatesTest {
  private static void assertCurrent(ConnectionStates states, long news, long active, long idle) {
    assertEquals(
        Map.of(NEW, news, ACTIVE, active, IDLE, idle),
        Map.of(
            NEW, states.current(NEW), ACTIVE, states.current(ACTIVE), IDLE, states.current(IDLE)));
  }

  @Test
  void gaugesFollowEachConnectionAndCountersCountEveryEntry() {
    ConnectionStates states = new ConnectionStates();
    Object a = new Object();
    Object b = new Object();
    states.record(a, NEW);
    states.record(b, NEW);
    assertCurrent(states, 2, 0, 0);

    states.record(a, ACTIVE);
    assertCurrent(states, 1, 1, 0);
    states.record(a, IDLE);
    states.record(a, ACTIVE);
    states.record(a, IDLE);
    states.record(b, ACTIVE);
    assertCurrent(states, 0, 1, 1);

    states.record(a, CLOSED);
    states.record(b, HIJACKED);
    assertCurrent(states, 0, 0, 0);
    assertEquals(2, states.entered(NEW));
    assertEquals(3, states.entered(ACTIVE));
    assertEquals(2, states.entered(IDLE));
    assertEquals(1, states.entered(CLOSED));
    assertEquals(1, states.entered(HIJACKED));
    assertEquals(0, states.current(CLOSED));
  }

  @Test
  void eventsOfAConnectionThatIsNotOpenChangeAndCountNothing() {
    ConnectionStates states = new ConnectionStates();
    Object late = new Object();
    states.record(late, NEW);
    states.record(late, ACTIVE);
    states.record(late, CLOSED);
    states.record(late, IDLE);
    states.record(late, CLOSED);
    assertCurrent(states, 0, 0, 0);
    assertEquals(0, states.entered(IDLE), "a request that ends after its connection closed");
    assertEquals(1, states.entered(CLOSED), "a connection closes once");

    states.record(new Object(), ACTIVE);
    assertCurrent(states, 0, 0, 0);
    assertEquals(1, states.entered(ACTIVE));
  }
}
