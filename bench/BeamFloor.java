import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.aws2.options.AwsOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import software.amazon.awssdk.regions.Region;

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
    // The fat jar holds Beam's S3 file system, whose registration asks the AWS SDK for a region;
    // with none set, the SDK probes the EC2 instance-metadata endpoint, which off EC2 waits about
    // 0.8 s here. The digest sets its region from its configuration, so the floor sets one too.
    options.as(AwsOptions.class).setAwsRegion(Region.US_EAST_1);
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply(Create.of(1)).apply(ParDo.of(new Identity()));
    pipeline.run().waitUntilFinish();
  }
}
