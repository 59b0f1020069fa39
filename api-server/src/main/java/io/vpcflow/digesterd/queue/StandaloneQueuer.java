package io.vpcflow.digesterd.queue;

import io.vpcflow.digesterd.launch.LaunchPool;
import io.vpcflow.digesterd.launch.LaunchRejectedException;
import io.vpcflow.digesterd.window.DigestWindow;

/** The default queuer: this process's own launch pool, with no event bus. */
public final class StandaloneQueuer implements Queuer {
  private final LaunchPool pool;

  public StandaloneQueuer(LaunchPool pool) {
    this.pool = pool;
  }

  @Override
  public void queue(DigestWindow window) throws QueueException {
    try {
      pool.submit(window);
    } catch (LaunchRejectedException e) {
      throw new QueueException(e.getMessage(), e);
    }
  }
}
