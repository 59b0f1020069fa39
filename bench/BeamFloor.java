import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;

/**
 * The smallest Beam pipeline on the DirectRunner (one element through Create and a ParDo), with
 * the fat jar's classes: the fixed cost of any Beam job on this JVM, which bench/run.sh prints next
 * to the digest's empty window. Compiled and run by bench/run.sh (java -cp JAR:floor.jar BeamFloor).
 */
public class BeamFloor {
  static class Identity extends DoFn<Integer, Integer> {
    @ProcessElement
    public void process(@Element Integer element, OutputReceiver<Integer> out) {
      out.output(element);
    }
  }

  public static void main(String[] args) {
    DirectOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(DirectOptions.class);
    options.setTargetParallelism(Runtime.getRuntime().availableProcessors());
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply(Create.of(1)).apply(ParDo.of(new Identity()));
    pipeline.run().waitUntilFinish();
  }
}
