package io.pulse.generator.output;

import io.pulse.common.error.StorageUnreachableException;
import io.pulse.common.error.UsageException;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The output root ({@code file://…} or {@code s3a://…}) through the Hadoop FileSystem API. Every
 * failure becomes one line naming the path, exit 5.
 */
public final class LandingOutput implements Closeable {
  private final FileSystem fs;
  private final Path root;

  private LandingOutput(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = root;
  }

  /** Opens {@code uri}; a plain or {@code file:} relative path is made absolute. */
  public static LandingOutput open(String uri, Configuration conf) {
    URI root = normalize(uri);
    Configuration own = new Configuration(conf);
    if ("file".equals(root.getScheme())) {
      // only for local roots: S3A buffers through the stock local file system
      own.set("fs.file.impl", NioLocalFileSystem.class.getName());
    }
    try {
      FileSystem fs = FileSystem.newInstance(root, own);
      return new LandingOutput(fs, new Path(root));
    } catch (IOException | RuntimeException e) {
      throw new StorageUnreachableException(
          "cannot open output " + root + ": " + firstLine(e) + "; check --out", e);
    }
  }

  static URI normalize(String uri) {
    String trimmed = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    if (trimmed.startsWith("s3a://")) {
      return URI.create(trimmed);
    }
    if (trimmed.startsWith("file://")) {
      return URI.create(trimmed);
    }
    if (trimmed.contains("://")) {
      throw new UsageException("--out must be a file:// or s3a:// URI or a local path, not " + uri);
    }
    String path = trimmed.startsWith("file:") ? trimmed.substring("file:".length()) : trimmed;
    return Paths.get(path).toAbsolutePath().normalize().toUri();
  }

  public String uri() {
    return root.toString();
  }

  /** A new file at {@code relative}, replacing any. */
  public OutputStream create(String relative) {
    Path path = new Path(root, relative);
    try {
      return fs.create(path, true);
    } catch (IOException e) {
      throw failure("cannot write " + path, e);
    }
  }

  /** Removes {@code relative} and everything under it, if present. */
  public void delete(String relative) {
    Path path = new Path(root, relative);
    try {
      fs.delete(path, true);
    } catch (IOException e) {
      throw failure("cannot clear " + path, e);
    }
  }

  /** An empty file, e.g. a {@code _SUCCESS} marker. */
  public void touch(String relative) {
    try (OutputStream out = create(relative)) {
      // empty on purpose
    } catch (IOException e) {
      throw failure("cannot write " + new Path(root, relative), e);
    }
  }

  public static StorageUnreachableException failure(String what, Exception e) {
    return new StorageUnreachableException(
        what + ": " + firstLine(e) + "; check that --out is writable and its bucket exists", e);
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  @Override
  public void close() throws IOException {
    fs.close();
  }
}
