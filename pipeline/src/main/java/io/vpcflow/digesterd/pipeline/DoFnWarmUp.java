package io.vpcflow.digesterd.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.reflect.DoFnInvokers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the invokers of a built pipeline's {@code DoFn}s on a daemon thread while the runner
 * translates the graph. Beam generates each {@code DoFn} class's invoker once per JVM, when a
 * worker first runs it (tens of milliseconds each on a cold JVM, one stage after another); made
 * here, the workers find them ready. Reads the graph on the calling thread and never changes it or
 * the {@code DoFn}s.
 */
public final class DoFnWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(DoFnWarmUp.class);

  private DoFnWarmUp() {}

  /** Starts generating the invokers of {@code pipeline}'s {@code DoFn}s; returns at once. */
  public static void start(Pipeline pipeline) {
    List<DoFn<?, ?>> fns = fnsOf(pipeline);
    Thread thread = new Thread(() -> generate(fns), "dofn-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /** The {@code DoFn} of each {@code ParDo} of {@code pipeline}, in topological order. */
  static List<DoFn<?, ?>> fnsOf(Pipeline pipeline) {
    List<DoFn<?, ?>> fns = new ArrayList<>();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            if (node.getTransform() instanceof ParDo.MultiOutput<?, ?> parDo) {
              fns.add(parDo.getFn());
            }
          }
        });
    return fns;
  }

  private static void generate(List<DoFn<?, ?>> fns) {
    for (DoFn<?, ?> fn : fns) {
      try {
        DoFnInvokers.invokerFor(fn);
      } catch (RuntimeException e) {
        LOG.debug("no invoker generated ahead for {}", fn.getClass().getName(), e);
      }
    }
  }
}
