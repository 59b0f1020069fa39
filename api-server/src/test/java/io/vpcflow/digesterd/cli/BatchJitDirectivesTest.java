package io.vpcflow.digesterd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
