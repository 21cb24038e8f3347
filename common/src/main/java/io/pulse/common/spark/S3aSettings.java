package io.pulse.common.spark;

import io.pulse.common.config.PulseConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hadoop S3A settings derived from {@code pulse.s3}; bounded so a dead endpoint fails fast. */
public final class S3aSettings {
  private S3aSettings() {}

  /** The {@code fs.s3a.*} settings for {@code s3}, pass-through settings last so they win. */
  public static Map<String, String> of(PulseConfig.S3 s3) {
    Map<String, String> conf = new LinkedHashMap<>();
    if (!s3.endpoint().isBlank()) {
      conf.put("fs.s3a.endpoint", s3.endpoint());
    }
    conf.put("fs.s3a.endpoint.region", s3.region());
    conf.put("fs.s3a.path.style.access", Boolean.toString(s3.pathStyleAccess()));
    conf.put("fs.s3a.aws.credentials.provider", s3.credentialsProvider());
    // S3A retries on top of the SDK's own attempts; both are bounded by the same setting.
    conf.put("fs.s3a.attempts.maximum", Integer.toString(s3.maxAttempts()));
    conf.put("fs.s3a.retry.limit", Integer.toString(s3.maxAttempts()));
    conf.put("fs.s3a.retry.throttle.limit", Integer.toString(s3.maxAttempts()));
    conf.put("fs.s3a.connection.establish.timeout", millis(s3.connectTimeout()));
    conf.put("fs.s3a.connection.timeout", millis(s3.requestTimeout()));
    conf.put("fs.s3a.connection.request.timeout", millis(s3.requestTimeout()));
    conf.putAll(s3.hadoop());
    return conf;
  }

  private static String millis(java.time.Duration d) {
    return d.toMillis() + "ms";
  }
}
