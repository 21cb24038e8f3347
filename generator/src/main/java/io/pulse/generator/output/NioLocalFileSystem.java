package io.pulse.generator.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system without checksum files, setting permissions through java.nio: without
 * Hadoop's native library the stock one forks {@code chmod} for every file and folder it creates,
 * which costs more than writing thousands of small partitions.
 */
public final class NioLocalFileSystem extends RawLocalFileSystem {
  @Override
  public void setPermission(Path p, FsPermission permission) throws IOException {
    FsPermission bits = new FsPermission((short) (permission.toShort() & 0777));
    try {
      Files.setPosixFilePermissions(
          pathToFile(p).toPath(), PosixFilePermissions.fromString(bits.toString()));
    } catch (UnsupportedOperationException e) {
      super.setPermission(p, permission); // not a POSIX file system: Hadoop's own way
    }
  }
}
