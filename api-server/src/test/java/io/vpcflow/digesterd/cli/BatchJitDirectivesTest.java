package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The directives resource is valid for this JVM, which takes it as jcmd would. */
class BatchJitDirectivesTest {
  @Test
  void theJvmTakesBothDirectivesAndListsThem() throws Exception {
    try {
      assertEquals("2 compiler directives added", BatchJitDirectives.add().strip());
      String listed =
          String.valueOf(BatchJitDirectives.diagnosticCommand("compilerDirectivesPrint"));
      int project = listed.indexOf("matching: io/vpcflow/*.*");
      int everything = listed.indexOf("matching: *.*");
      assertTrue(project >= 0 && everything > project, listed);
      assertTrue(
          listed.substring(everything).contains("c2 directives:")
              && listed.substring(everything).replaceAll("\\s+", " ").contains("Exclude:true"),
          listed);
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
