package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.config.ConfigException;
import io.vpcflow.digesterd.config.DigestOptionsFactory;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.s3.BucketPurpose;
import io.vpcflow.digesterd.store.DigestStore;
import io.vpcflow.digesterd.store.DirectoryDigestStore;
import io.vpcflow.digesterd.store.S3DigestStore;
import io.vpcflow.digesterd.view.DigestReader;
import io.vpcflow.digesterd.view.DigestSource;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the view commands read digests: a local file (gzip'd or plain), or the stored digest of a
 * window in the configured storage ({@code DIGEST_STORAGE_BUCKET}; the embedded S3 server when no
 * bucket is configured). Closing closes the readers and the storage client.
 */
final class DigestInputs implements AutoCloseable {
  private final Map<String, String> environment;
  private final PrintStream err;
  private final List<AutoCloseable> open = new ArrayList<>();
  private DigestStore store;

  DigestInputs(Map<String, String> environment, PrintStream err) {
    this.environment = environment;
    this.err = err;
  }

  /**
   * The digest of {@code file}, or else of the window {@code [start, stop)} in storage.
   *
   * @param options the names of the three options, for errors ({@code --file}, {@code --start},
   *     {@code --stop})
   * @throws IllegalArgumentException when neither or both are given, or the window is invalid
   * @throws IOException when the file or the stored digest cannot be read, or is not stored
   */
  DigestReader open(Path file, String start, String stop, String... options) throws Exception {
    DigestReader reader = new DigestReader(source(file, start, stop, options).open());
    open.add(reader);
    return reader;
  }

  /**
   * Like {@link #open}, a digest that can be opened more than once (each stream closed by its
   * reader); checked to be there now.
   */
  DigestSource source(Path file, String start, String stop, String... options) throws Exception {
    boolean window = start != null || stop != null;
    if ((file == null) == !window) {
      throw new IllegalArgumentException(
          "give either "
              + options[0]
              + " FILE or "
              + options[1]
              + " and "
              + options[2]
              + " (a window in storage), not "
              + (file == null ? "neither" : "both"));
    }
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new IOException("no digest file " + file);
      }
      return () -> Files.newInputStream(file);
    }
    DigestStore digests = store();
    DigestWindow w = DigestWindow.parse(start, stop);
    if (!digests.exists(w.digestId())) {
      throw new IOException(
          "digest "
              + w.digestId()
              + " of "
              + w
              + " is not in storage: build it first"
              + " (the digest command, or POST it to the server)");
    }
    return () ->
        digests
            .open(w.digestId())
            .orElseThrow(() -> new IOException("digest " + w.digestId() + " left storage"));
  }

  private DigestStore store() throws Exception {
    if (store == null) {
      Session session = Session.open(ServiceConfig.fromEnvironment(environment), err);
      open.add(session);
      ServiceConfig config = session.config();
      StoreLocation storage =
          config
              .storage()
              .orElseThrow(() -> new ConfigException(List.of("DIGEST_STORAGE_BUCKET is not set")));
      if (storage.isS3()) {
        S3Client client = DigestOptionsFactory.s3Client(config, BucketPurpose.STORAGE);
        open.add(client);
        store = new S3DigestStore(client, storage);
      } else {
        store = new DirectoryDigestStore(storage);
      }
    }
    return store;
  }

  @Override
  public void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }
}
