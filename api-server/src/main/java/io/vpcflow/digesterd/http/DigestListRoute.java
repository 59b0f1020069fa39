package io.vpcflow.digesterd.http;

import io.vpcflow.digesterd.service.Digests;
import io.vpcflow.digesterd.service.StoredDigests;
import io.vpcflow.digesterd.view.InvalidParameterException;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import spark.Request;
import spark.Response;

/**
 * {@code GET /digests?from=&to=[&after=][&limit=]}: the stored digests whose windows overlap {@code
 * [from, to)} (both optional), with their summaries, one page at a time ({@link Digests#stored}).
 * 501 when the digest store cannot list.
 */
final class DigestListRoute {
  /** Digests per page unless {@code limit} says otherwise. */
  static final int DEFAULT_LIMIT = 50;

  /** The largest {@code limit}. */
  static final int MAX_LIMIT = 200;

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Digests digests;

  DigestListRoute(Digests digests) {
    this.digests = digests;
  }

  Object list(Request req, Response res) throws IOException {
    ViewParams params = ViewParams.of(req, Set.of("from", "to", "after", "limit"));
    Instant from = params.instant("from", DigestWindow.EARLIEST);
    Instant to = params.instant("to", DigestWindow.LATEST);
    if (!from.isBefore(to)) {
      throw new InvalidParameterException(
          "from", "parameter 'from' (" + from + ") must be before 'to' (" + to + ")");
    }
    String after = params.get("after");
    if (after != null && !UUID.matcher(after).matches()) {
      throw new InvalidParameterException(
          "after", "parameter 'after' must be a digest id (the 'next' of the previous page)");
    }
    String limit = params.get("limit");
    int n = limit == null ? DEFAULT_LIMIT : pageSize(limit);
    Optional<StoredDigests> page = digests.stored(from, to, after, n);
    if (page.isEmpty()) {
      throw new ApiException(
          501, "not-implemented", "the digest store of this server cannot list its digests");
    }
    res.type(Json.TYPE);
    return Json.write(page.get());
  }

  private static int pageSize(String value) {
    if (value.matches("[0-9]{1,3}")
        && Integer.parseInt(value) >= 1
        && Integer.parseInt(value) <= MAX_LIMIT) {
      return Integer.parseInt(value);
    }
    throw new InvalidParameterException(
        "limit",
        "parameter 'limit' must be a whole number from 1 to "
            + MAX_LIMIT
            + ", not '"
            + value
            + "'");
  }
}
