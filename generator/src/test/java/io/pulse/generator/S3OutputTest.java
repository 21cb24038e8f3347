package io.pulse.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.S3TestServer;
import io.pulse.generator.output.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@code pulse generate --out s3a://…} writes the same landing tree to a real S3 API server. */
@ExtendWith(S3TestServer.class)
class S3OutputTest {
  private static List<String> conf(String bucketPrefix) {
    List<String> args = new ArrayList<>();
    for (Map.Entry<String, String> e : S3TestServer.settings().entrySet()) {
      args.add("--conf");
      args.add(e.getKey() + "=" + e.getValue());
    }
    return args;
  }

  @Test
  void writesEveryPartitionWithItsMarkerAndTheTruthToS3() {
    String bucket = "pulse-generate";
    S3TestServer.createBucket(bucket);
    List<String> args =
        new ArrayList<>(
            List.of(
                "generate",
                "--scale-factor",
                "0.005",
                "--seed",
                "42",
                "--start",
                "2026-01-01",
                "--end",
                "2026-01-02",
                "--out",
                "s3a://" + bucket + "/landing"));
    args.addAll(conf(bucket));
    Cli run = Cli.run(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());

    Set<String> keys = new TreeSet<>();
    try (S3Client s3 = S3TestServer.client()) {
      s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("landing/"))
          .contents()
          .forEach((S3Object o) -> keys.add(o.key()));
      for (Source source : Source.values()) {
        for (String day : List.of("2026-01-01", "2026-01-02")) {
          if (source == Source.PLANS && day.equals("2026-01-02")) {
            continue; // the catalogue comes monthly
          }
          String dir = "landing/" + source.dirName() + "/dt=" + day + "/";
          assertTrue(keys.contains(dir + "part-00000." + source.extension()), dir + " in " + keys);
          assertTrue(keys.contains(dir + "_SUCCESS"), dir);
        }
      }
      assertTrue(keys.contains("landing/_truth/accounts/accounts.csv"), keys.toString());
      ResponseBytes<GetObjectResponse> accounts =
          s3.getObjectAsBytes(
              b -> b.bucket(bucket).key("landing/accounts/dt=2026-01-01/part-00000.csv"));
      assertTrue(accounts.asUtf8String().startsWith("account_id,account_name,"));
      assertEquals(6, accounts.asUtf8String().lines().count(), "a header and 5 accounts");
    }
  }

  @Test
  void aMissingBucketFailsWithExitFiveAndOneLine() {
    List<String> args =
        new ArrayList<>(
            List.of(
                "generate",
                "--scale-factor",
                "0.005",
                "--seed",
                "42",
                "--start",
                "2026-01-01",
                "--end",
                "2026-01-01",
                "--out",
                "s3a://no-such-bucket/landing"));
    args.addAll(conf("no-such-bucket"));
    Cli run = Cli.run(args.toArray(String[]::new));
    assertEquals(5, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
  }
}
