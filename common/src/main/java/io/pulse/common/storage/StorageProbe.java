package io.pulse.common.storage;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.error.StorageUnreachableException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Checks before a job starts that the buckets it uses answer, so an unreachable endpoint or a
 * missing bucket ends the run at once (exit 5) with the endpoint named, instead of stalling Spark.
 */
public final class StorageProbe {
  private StorageProbe() {}

  /** Probes the warehouse and landing buckets of {@code config} that live in S3. */
  public static void check(PulseConfig config) {
    Set<String> buckets = new LinkedHashSet<>();
    for (String root : new String[] {config.warehouse(), config.landing()}) {
      URI uri = URI.create(root);
      if ("s3a".equals(uri.getScheme()) || "s3".equals(uri.getScheme())) {
        buckets.add(uri.getHost());
      }
    }
    if (buckets.isEmpty()) {
      return;
    }
    String endpoint = config.s3().endpoint().isBlank() ? "AWS S3" : config.s3().endpoint();
    try (S3Client client = S3Clients.create(config.s3())) {
      for (String bucket : buckets) {
        probe(client, bucket, endpoint);
      }
    }
  }

  private static void probe(S3Client client, String bucket, String endpoint) {
    try {
      client.headBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      String reason =
          switch (e.statusCode()) {
            case 404 -> "bucket does not exist; create it or fix the configured root";
            case 403 -> "access denied; check the credentials the AWS default chain finds";
            default -> "HTTP " + e.statusCode() + " " + e.awsErrorDetails().errorMessage();
          };
      throw new StorageUnreachableException(
          "storage: bucket '" + bucket + "' at " + endpoint + ": " + reason, e);
    } catch (SdkClientException e) {
      throw new StorageUnreachableException(
          "storage unreachable: "
              + endpoint
              + " did not answer for bucket '"
              + bucket
              + "' ("
              + rootMessage(e)
              + "); start the S3 server or fix pulse.s3.endpoint",
          e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
