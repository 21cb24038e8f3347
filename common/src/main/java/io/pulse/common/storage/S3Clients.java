package io.pulse.common.storage;

import io.pulse.common.config.PulseConfig;
import java.lang.reflect.Method;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds AWS SDK v2 S3 clients from {@code pulse.s3}, with the same bounds as S3A. */
public final class S3Clients {
  private S3Clients() {}

  public static S3Client create(PulseConfig.S3 s3) {
    var builder =
        S3Client.builder()
            .region(Region.of(s3.region()))
            .credentialsProvider(credentials(s3.credentialsProvider()))
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyleAccess()).build())
            // Checksums only where S3 demands them, which S3-compatible servers also accept.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClientBuilder(
                ApacheHttpClient.builder()
                    .connectionTimeout(s3.connectTimeout())
                    .socketTimeout(s3.requestTimeout()))
            .overrideConfiguration(
                o ->
                    o.retryStrategy(b -> b.maxAttempts(s3.maxAttempts()))
                        .apiCallTimeout(s3.requestTimeout().multipliedBy(s3.maxAttempts())));
    if (!s3.endpoint().isBlank()) {
      builder.endpointOverride(URI.create(s3.endpoint()));
    }
    return builder.build();
  }

  /** Instantiates the configured provider the way S3A does: its static {@code create()}. */
  private static AwsCredentialsProvider credentials(String className) {
    try {
      Method create = Class.forName(className).getMethod("create");
      return (AwsCredentialsProvider) create.invoke(null);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new io.pulse.common.error.UsageException(
          "pulse.s3.credentials-provider: "
              + className
              + " is not an AWS SDK v2 credentials provider with a static create()",
          e);
    }
  }
}
