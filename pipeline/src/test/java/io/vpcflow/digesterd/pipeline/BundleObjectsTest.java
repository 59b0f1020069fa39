package io.vpcflow.digesterd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DoFn's writer: one per DoFn instance across bundles, a new one after teardown. */
class BundleObjectsTest {
  @TempDir Path temp;

  @Test
  void opensOnceKeepsItAcrossBundlesAndOpensANewOneAfterClose() throws Exception {
    PipelineOptions options = PipelineOptionsFactory.create();
    FileSystems.setDefaultPipelineOptions(options);
    BundleObjects put = new BundleObjects(temp + "/");
    assertThrows(IllegalStateException.class, put::get, "not open before the first bundle");

    put.open(options);
    SmallObjects first = put.get();
    put.open(options);
    assertSame(first, put.get(), "a later bundle keeps the writer");
    put.get().put(temp.resolve("a.json").toString(), new byte[] {'{', '}'});
    assertEquals("{}", Files.readString(temp.resolve("a.json")));

    put.close();
    assertThrows(IllegalStateException.class, put::get, "closed at teardown");
    put.open(options);
    assertNotSame(first, put.get());
    put.close();
  }
}
