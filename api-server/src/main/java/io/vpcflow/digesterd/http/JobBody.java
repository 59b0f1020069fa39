package io.vpcflow.digesterd.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import spark.Request;

/**
 * The body of the worker route, read with limits: a JSON Content-Type (or none) and at most {@link
 * #MAX_BYTES} bytes, so that no request can make the server read or hold more.
 */
final class JobBody {
  /** The largest body read; a job is about 120 bytes. */
  static final int MAX_BYTES = 64 * 1024;

  private JobBody() {}

  /**
   * The body as text.
   *
   * @throws ApiException 415 for a Content-Type other than JSON, 413 for a body over {@link
   *     #MAX_BYTES}, 400 when the body cannot be read (a broken chunked encoding, a short body)
   */
  static String read(Request req) {
    String type = req.raw().getContentType();
    if (type != null && !isJson(type)) {
      throw new ApiException(
          415,
          "invalid-input",
          "Content-Type must be application/json, got '" + abbreviate(type) + "'");
    }
    if (req.raw().getContentLengthLong() > MAX_BYTES) {
      throw tooLarge();
    }
    try (InputStream in = req.raw().getInputStream()) {
      byte[] body = in.readNBytes(MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        throw tooLarge();
      }
      return new String(body, StandardCharsets.UTF_8);
    } catch (IOException | IllegalStateException e) {
      throw new ApiException(
          400, "invalid-input", "cannot read the request body: " + e.getMessage());
    }
  }

  /** {@code application/json} or {@code application/*+json}, any parameters (charset). */
  static boolean isJson(String contentType) {
    String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return media.equals("application/json")
        || (media.startsWith("application/") && media.endsWith("+json"));
  }

  private static ApiException tooLarge() {
    return new ApiException(
        413,
        "invalid-input",
        "the body is larger than " + MAX_BYTES + " bytes: a job is {\"id\",\"start\",\"stop\"}");
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
