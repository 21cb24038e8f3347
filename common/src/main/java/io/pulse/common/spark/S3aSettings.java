package io.pulse.common.spark;

import io.pulse.common.config.PulseConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hadoop S3A settings derived from {@code pulse.s3}; bounded so a dead endpoint fails fast. */
public final class S3aSettings {
  private static final Duration S3A_MIN_CONNECT = Duration.ofSeconds(15);

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
    // S3A raises connect timeouts below 15 s to 15 s, with a warning; do it quietly.
    Duration connect =
        s3.connectTimeout().compareTo(S3A_MIN_CONNECT) < 0 ? S3A_MIN_CONNECT : s3.connectTimeout();
    conf.put("fs.s3a.connection.establish.timeout", millis(connect));
    conf.put("fs.s3a.connection.timeout", millis(s3.requestTimeout()));
    conf.put("fs.s3a.connection.request.timeout", millis(s3.requestTimeout()));
    conf.putAll(s3.hadoop());
    return conf;
  }

  private static String millis(Duration d) {
    return d.toMillis() + "ms";
  }
}
