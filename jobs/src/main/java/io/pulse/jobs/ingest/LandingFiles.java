package io.pulse.jobs.ingest;

import io.pulse.common.error.InputMissingException;
import io.pulse.common.error.StorageUnreachableException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/** Lists the files of one landing partition, failing with exit 3 when there are none. */
public final class LandingFiles {
  private LandingFiles() {}

  /** The non-empty data files directly under {@code partition}, sorted by name. */
  public static List<String> list(String partition, Configuration hadoopConf) {
    Path dir = new Path(partition);
    FileStatus[] statuses;
    try {
      statuses = dir.getFileSystem(hadoopConf).listStatus(dir);
    } catch (FileNotFoundException e) {
      throw new InputMissingException(
          "input missing: " + partition + " does not exist; check the delivery or the run date", e);
    } catch (IOException e) {
      throw new StorageUnreachableException("cannot list " + partition + ": " + e.getMessage(), e);
    }
    List<String> files =
        Arrays.stream(statuses)
            .filter(FileStatus::isFile)
            .filter(
                s ->
                    !s.getPath().getName().startsWith("_")
                        && !s.getPath().getName().startsWith("."))
            .map(s -> s.getPath().toString())
            .sorted()
            .toList();
    if (files.isEmpty()) {
      throw new InputMissingException(
          "input missing: no files under " + partition + "; check the delivery or the run date");
    }
    return files;
  }
}
