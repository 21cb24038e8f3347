package io.pulse.jobs.cli;

import io.pulse.common.cli.ConfigOptions;
import io.pulse.common.config.PulseConfig;
import io.pulse.common.error.InputMissingException;
import io.pulse.common.error.UsageException;
import io.pulse.common.storage.S3Clients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * {@code pulse upload-landing --from DIR}: copies a local landing tree (source/dt=D/files) into the
 * configured landing root in S3 with the AWS SDK, creating the bucket when asked.
 */
@Command(
    name = "upload-landing",
    mixinStandardHelpOptions = true,
    description =
        "Upload a local landing folder (<source>/dt=YYYY-MM-DD/…) to the S3 landing root.")
public final class UploadLandingCommand implements Callable<Integer> {
  @Option(
      names = "--from",
      required = true,
      paramLabel = "DIR",
      description = "Local landing folder.")
  Path from;

  @Option(
      names = "--to",
      paramLabel = "URI",
      description = "s3a://bucket/prefix to upload to; default: the configured pulse.landing.")
  String to;

  @Option(names = "--create-bucket", description = "Create the bucket if it does not exist.")
  boolean createBucket;

  @Mixin ConfigOptions configOptions;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PulseConfig config = configOptions.load();
    URI target = URI.create(to != null ? to : config.landing());
    if (!"s3a".equals(target.getScheme()) && !"s3".equals(target.getScheme())) {
      throw new UsageException("upload-landing writes to s3a:// or s3:// URIs, not " + target);
    }
    if (!Files.isDirectory(from)) {
      throw new InputMissingException("input missing: " + from + " is not a directory");
    }
    String bucket = target.getHost();
    String prefix = target.getPath().replaceAll("^/+", "").replaceAll("/+$", "");
    List<Path> files = files(from);
    try (S3Client s3 = S3Clients.create(config.s3())) {
      if (createBucket) {
        try {
          s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
          // already there: nothing to do
        }
      }
      for (Path file : files) {
        String relative = from.relativize(file).toString().replace('\\', '/');
        String key = prefix.isEmpty() ? relative : prefix + "/" + relative;
        s3.putObject(b -> b.bucket(bucket).key(key), file);
      }
    }
    spec.commandLine()
        .getOut()
        .printf("uploaded %d file(s) from %s to %s%n", files.size(), from, target);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static List<Path> files(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      // _SUCCESS markers go last, so a folder never looks complete before its data is there.
      return walk.filter(Files::isRegularFile)
          .sorted(
              Comparator.comparing((Path p) -> p.getFileName().toString().equals("_SUCCESS"))
                  .thenComparing(Comparator.naturalOrder()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }
}
