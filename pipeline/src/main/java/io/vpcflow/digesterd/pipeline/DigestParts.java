package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.s3.BucketPurpose;
import io.vpcflow.digesterd.s3.MultipartPlan;
import io.vpcflow.digesterd.s3.S3ClientFactory;
import io.vpcflow.digesterd.s3.S3ObjectName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Joins the gzip'd parts of a digest, in range order, into the digest object: gzip members
 * concatenate into one valid gzip stream. Readers never see a partial digest: on S3 the digest is
 * one multipart upload, visible only once completed, whose parts the server copies from the part
 * objects ({@code UploadPartCopy}) when they are in the storage bucket; elsewhere the parts are
 * copied under a temporary name that is then renamed ({@link BeamFiles#writeAtomically}).
 */
final class DigestParts {
  private DigestParts() {}

  /**
   * Writes {@code parts} (in order) as {@code target}, a Beam resource name.
   *
   * @return the digest's size
   */
  static long join(List<MergedPart> parts, String target, SpillFiles spill, S3Options options)
      throws IOException {
    if (BucketPurpose.STORAGE.holds(target) && spill.inStorageBucket()) {
      try (S3Client client = S3ClientFactory.client(options, BucketPurpose.STORAGE)) {
        return joinOnS3(client, parts, target);
      }
    }
    return BeamFiles.writeAtomically(
        target,
        out -> {
          for (MergedPart part : parts) {
            try (InputStream in = open(part.location())) {
              in.transferTo(out);
            }
          }
        });
  }

  private static long joinOnS3(S3Client client, List<MergedPart> parts, String target)
      throws IOException {
    S3ObjectName digest = S3ObjectName.of(target);
    List<Long> sizes = parts.stream().map(MergedPart::bytes).toList();
    List<MultipartPlan.Part> plan = MultipartPlan.plan(sizes);
    String uploadId;
    try {
      uploadId =
          client
              .createMultipartUpload(
                  CreateMultipartUploadRequest.builder()
                      .bucket(digest.bucket())
                      .key(digest.key())
                      .build())
              .uploadId();
    } catch (SdkException e) {
      throw new IOException(
          "cannot start writing " + BucketPurpose.display(target) + ": " + e.getMessage(), e);
    }
    try {
      List<CompletedPart> completed = new ArrayList<>();
      for (int i = 0; i < plan.size(); i++) {
        int number = i + 1;
        MultipartPlan.Part part = plan.get(i);
        String etag =
            part.copy()
                ? copyPart(client, digest, uploadId, number, parts, part.pieces().get(0))
                : uploadPart(client, digest, uploadId, number, parts, part);
        completed.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      }
      client.completeMultipartUpload(
          CompleteMultipartUploadRequest.builder()
              .bucket(digest.bucket())
              .key(digest.key())
              .uploadId(uploadId)
              .multipartUpload(CompletedMultipartUpload.builder().parts(completed).build())
              .build());
    } catch (IOException | RuntimeException e) {
      try {
        client.abortMultipartUpload(
            AbortMultipartUploadRequest.builder()
                .bucket(digest.bucket())
                .key(digest.key())
                .uploadId(uploadId)
                .build());
      } catch (SdkException abort) {
        e.addSuppressed(abort);
      }
      throw new IOException(
          "cannot write " + BucketPurpose.display(target) + ": " + e.getMessage(), e);
    }
    return sizes.stream().mapToLong(Long::longValue).sum();
  }

  private static String copyPart(
      S3Client client,
      S3ObjectName digest,
      String uploadId,
      int number,
      List<MergedPart> parts,
      MultipartPlan.Piece piece) {
    S3ObjectName source = S3ObjectName.of(parts.get(piece.source()).location());
    return client
        .uploadPartCopy(
            UploadPartCopyRequest.builder()
                .sourceBucket(source.bucket())
                .sourceKey(source.key())
                .copySourceRange("bytes=" + piece.from() + "-" + (piece.to() - 1))
                .destinationBucket(digest.bucket())
                .destinationKey(digest.key())
                .uploadId(uploadId)
                .partNumber(number)
                .build())
        .copyPartResult()
        .eTag();
  }

  private static String uploadPart(
      S3Client client,
      S3ObjectName digest,
      String uploadId,
      int number,
      List<MergedPart> parts,
      MultipartPlan.Part part)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) part.length());
    for (MultipartPlan.Piece piece : part.pieces()) {
      RangedBeamFile source =
          new RangedBeamFile(
              parts.get(piece.source()).location(), parts.get(piece.source()).bytes());
      bytes.write(source.read(piece.from(), (int) piece.length()));
    }
    return client
        .uploadPart(
            UploadPartRequest.builder()
                .bucket(digest.bucket())
                .key(digest.key())
                .uploadId(uploadId)
                .partNumber(number)
                .build(),
            RequestBody.fromBytes(bytes.toByteArray()))
        .eTag();
  }

  private static InputStream open(String resourceName) throws IOException {
    return Channels.newInputStream(
        FileSystems.open(FileSystems.matchNewResource(resourceName, false)));
  }
}
