package io.vpcflow.digesterd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

class DoFnWarmUpTest {
  private static final class Upper extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      out.output(element.toUpperCase(java.util.Locale.ROOT));
    }
  }

  @Test
  void findsTheDoFnOfEveryParDoInGraphOrderWithoutRunningAnything() {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    Upper upper = new Upper();
    pipeline
        .apply(Create.of("a", "b"))
        .apply(ParDo.of(upper))
        .apply(MapElements.into(TypeDescriptors.integers()).via(String::length));

    List<DoFn<?, ?>> fns = DoFnWarmUp.fnsOf(pipeline);

    assertTrue(fns.contains(upper), fns.toString());
    assertEquals(
        fns.size() - 2, fns.indexOf(upper), "the ParDo, then MapElements' DoFn, last: " + fns);
  }
}
