package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The directives resource is valid for this JVM, which takes it as jcmd would. */
class BatchJitDirectivesTest {
  @Test
  void theJvmTakesTheDirectivesAndListsThem() throws Exception {
    try {
      assertEquals("6 compiler directives added", BatchJitDirectives.add().strip());
      String listed =
          String.valueOf(BatchJitDirectives.diagnosticCommand("compilerDirectivesPrint"))
              .replaceAll("\\s+", " ");
      int rows =
          listed.indexOf("matching: io/vpcflow/digesterd/parquet/ParquetFlowLogReader.readRows");
      int render = listed.indexOf("matching: io/vpcflow/digesterd/parquet/RowRenderer.render");
      int classify =
          listed.indexOf("matching: io/vpcflow/digesterd/flowlog/FlowLogReader.classify");
      int counting = listed.indexOf("matching: io/vpcflow/digesterd/digest/CountingOutputStream.*");
      int project = listed.indexOf("matching: io/vpcflow/*.*");
      int everything = listed.indexOf("matching: *.*");
      assertTrue(
          rows >= 0
              && render > rows
              && classify > render
              && counting > classify
              && project > counting
              && everything > project,
          listed);
      assertTrue(listed.substring(rows, render).contains("Exclude:true"), listed);
      assertTrue(
          listed.substring(render, classify).contains("-io/vpcflow/digesterd/flowlog/*.*"), listed);
      assertTrue(
          listed.substring(classify, counting).contains("-io/vpcflow/digesterd/digest/*.*"),
          listed);
      assertTrue(listed.substring(counting, project).contains("-java/*.*"), listed);
      assertTrue(
          listed
              .substring(project, everything)
              .contains("-io/vpcflow/digesterd/digest/CountingOutputStream.*"),
          listed);
      assertTrue(listed.substring(everything).contains("Exclude:true"), listed);
    } finally {
      BatchJitDirectives.diagnosticCommand("compilerDirectivesClear");
    }
  }

  @Test
  void onlyADigestNamingNoRunnerIsKnownToBeDirectBeforeParsing() {
    assertTrue(BatchJitDirectives.isDirectDigest(new String[] {"digest", "--start", "a"}));
    assertTrue(BatchJitDirectives.isDirectDigest(new String[] {"digest", "--shards=4"}));
    assertFalse(BatchJitDirectives.isDirectDigest(new String[] {"digest", "--runner=FlinkRunner"}));
    assertFalse(BatchJitDirectives.isDirectDigest(new String[] {"digest", "--runner-config", "x"}));
    assertFalse(BatchJitDirectives.isDirectDigest(new String[] {"serve"}));
    assertFalse(BatchJitDirectives.isDirectDigest(new String[] {"--help"}));
    assertFalse(BatchJitDirectives.isDirectDigest(new String[0]));
  }
}
