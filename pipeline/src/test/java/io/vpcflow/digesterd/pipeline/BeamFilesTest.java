package io.vpcflow.digesterd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeamFilesTest {
  @TempDir Path dir;

  @Test
  void writesTheWholeObjectUnderItsName() throws IOException {
    Path target = dir.resolve("d.log.gz");
    long bytes =
        BeamFiles.writeAtomically(
            target.toString(), out -> out.write("abc".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(3, bytes);
    assertEquals("abc", Files.readString(target));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary object left");
    }
  }

  @Test
  void aFailedWriteLeavesNeitherTheObjectNorATemporaryOne() throws IOException {
    Path target = dir.resolve("d.log.gz");
    assertThrows(
        IOException.class,
        () ->
            BeamFiles.writeAtomically(
                target.toString(),
                out -> {
                  out.write("partial".getBytes(StandardCharsets.US_ASCII));
                  throw new IOException("store went away");
                }));
    assertFalse(Files.exists(target));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count(), "the temporary object is deleted");
    }
  }
}
