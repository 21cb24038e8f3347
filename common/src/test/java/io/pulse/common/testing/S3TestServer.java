package io.pulse.common.testing;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.storage.S3Clients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * JUnit 5 extension running a real S3 API server (s3proxy, filesystem backend) on 127.0.0.1 in its
 * own JVM, once per test JVM: s3proxy's Jetty clashes with Spark's inside one JVM. Its port is
 * fixed when this class loads, so a Spark session can point at it before it starts.
 */
public final class S3TestServer implements BeforeAllCallback {
  public static final String LANDING_BUCKET = "pulse-test";
  static final String ACCESS_KEY = "pulse-test-access";
  static final String SECRET_KEY = "pulse-test-secret";
  private static final int PORT = Ports.free();
  private static Process process;

  static {
    // The AWS default credential chain (SDK clients and S3A alike) reads these system properties.
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
    System.setProperty("aws.region", "us-east-1");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  public static String endpoint() {
    return "http://127.0.0.1:" + PORT;
  }

  /** Pulse settings that point S3A and the SDK at this server. */
  public static Map<String, String> settings() {
    return Map.of(
        "pulse.s3.endpoint", endpoint(),
        "pulse.s3.path-style-access", "true",
        "pulse.s3.region", "us-east-1");
  }

  /** An SDK client for this server, for test setup (buckets, uploads). */
  public static S3Client client() {
    return S3Clients.create(PulseConfig.of("local", settings()).s3());
  }

  /** Creates {@code bucket} unless it exists. */
  public static void createBucket(String bucket) {
    try (S3Client s3 = client()) {
      s3.createBucket(b -> b.bucket(bucket));
    } catch (BucketAlreadyOwnedByYouException e) {
      // exists already
    }
  }

  /** Starts the server unless it runs, and waits until it answers. */
  public static synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    Path dir = TestDirs.unique("s3");
    Path jar = Path.of(System.getProperty("s3proxy.jar", "../target/tools/s3proxy.jar"));
    if (!Files.isReadable(jar)) {
      throw new IllegalStateException(jar + " is missing; `mvn generate-resources` fetches it");
    }
    try {
      Path data = Files.createDirectories(dir.resolve("data"));
      Path properties = dir.resolve("s3proxy.properties");
      Files.write(
          properties,
          List.of(
              "s3proxy.endpoint=" + endpoint(),
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + ACCESS_KEY,
              "s3proxy.credential=" + SECRET_KEY,
              "jclouds.provider=filesystem",
              "jclouds.filesystem.basedir=" + data));
      String java = ProcessHandle.current().info().command().orElse("java");
      process =
          new ProcessBuilder(
                  java, "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("s3proxy.log").toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start s3proxy", e);
    }
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
    awaitPort(started, dir.resolve("s3proxy.log"));
  }

  private static void awaitPort(Process started, Path log) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (!started.isAlive()) {
        throw new IllegalStateException("s3proxy exited at start; see " + log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    throw new IllegalStateException("s3proxy did not listen on " + endpoint() + " within 60 s");
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
