package io.pulse.common.storage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.error.StorageUnreachableException;
import io.pulse.common.testing.Ports;
import io.pulse.common.testing.S3TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(S3TestServer.class)
class StorageProbeTest {
  private static PulseConfig config(String endpoint, String landingBucket) {
    Map<String, String> settings = new HashMap<>(S3TestServer.settings());
    settings.put("pulse.s3.endpoint", endpoint);
    settings.put("pulse.landing", "s3a://" + landingBucket + "/landing");
    settings.put("pulse.warehouse", "file:/tmp/unused-warehouse");
    return PulseConfig.of("local", settings);
  }

  @Test
  void anExistingBucketPasses() {
    S3TestServer.createBucket("probe-ok");

    assertDoesNotThrow(() -> StorageProbe.check(config(S3TestServer.endpoint(), "probe-ok")));
  }

  @Test
  void aMissingBucketIsNamed() {
    StorageUnreachableException e =
        assertThrows(
            StorageUnreachableException.class,
            () -> StorageProbe.check(config(S3TestServer.endpoint(), "no-such-bucket")));

    assertTrue(e.getMessage().contains("'no-such-bucket'"), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void aDeadEndpointFailsFastNamingTheEndpoint() throws Exception {
    String endpoint = Ports.deadEndpoint();
    Instant start = Instant.now();

    StorageUnreachableException e =
        assertThrows(
            StorageUnreachableException.class, () -> StorageProbe.check(config(endpoint, "any")));

    assertTrue(e.getMessage().contains(endpoint), e.getMessage());
    assertTrue(Duration.between(start, Instant.now()).toSeconds() < 30, "took too long");
  }
}
