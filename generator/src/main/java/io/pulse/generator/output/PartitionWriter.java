package io.pulse.generator.output;

import io.pulse.generator.Rng;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes one delivery partition {@code <source>/dt=D/}: clears it, writes {@code part-00000.<ext>}
 * with bad rows injected after a fraction of good rows, adds bad files, and marks it complete with
 * an empty {@code _SUCCESS} last, so an interrupted run never leaves a folder that looks complete.
 * Runs on one thread, in file order, so the injected rows are the same for any thread count.
 */
public final class PartitionWriter {
  private static final byte[] NEWLINE = {'\n'};
  private static final int TRUNCATED_SAMPLE_ROWS = 50;

  private final LandingOutput out;
  private final TruthWriter truth;
  private final long seed;
  private final double badRowRate;
  private final Map<Source, SourceStats> stats = new EnumMap<>(Source.class);
  private final Map<Source, Integer> injected = new EnumMap<>(Source.class);

  public PartitionWriter(LandingOutput out, TruthWriter truth, long seed, double badRowRate) {
    this.out = out;
    this.truth = truth;
    this.seed = seed;
    this.badRowRate = badRowRate;
    for (Source s : Source.values()) {
      stats.put(s, new SourceStats());
      injected.put(s, 0);
    }
  }

  public Map<Source, SourceStats> stats() {
    return stats;
  }

  public void write(Source source, LocalDate dt, boolean firstDay, List<Row> rows) {
    String dir = source.dirName() + "/dt=" + dt;
    String file = dir + "/part-00000." + source.extension();
    SplittableRandom r = Rng.of(seed, 4, source.ordinal(), dt.toEpochDay());
    List<BadRowKind> kinds = BadRowKind.rowKinds(source);
    out.delete(dir);
    long bad = 0;
    CountingStream counted = new CountingStream(out.create(file));
    try (OutputStream os = open(source, counted)) {
      if (!source.isJson()) {
        os.write(RowFormat.header(source).getBytes(StandardCharsets.UTF_8));
        os.write(NEWLINE);
      }
      long record = 0;
      for (Row row : rows) {
        os.write(row.line().getBytes(StandardCharsets.UTF_8));
        os.write(NEWLINE);
        record++;
        if (badRowRate > 0 && r.nextDouble() < badRowRate) {
          int n = injected.merge(source, 1, Integer::sum);
          BadRowKind kind = kinds.get((n - 1) % kinds.size());
          BadRow badRow = BadRow.make(source, row, kind, n);
          os.write(badRow.line());
          os.write(NEWLINE);
          record++;
          bad++;
          truth.badRow(source, file, record, badRow.key(), kind, badRow.detail());
        }
      }
    } catch (IOException e) {
      throw LandingOutput.failure("cannot write " + file, e);
    }
    stats.get(source).add(rows.size(), bad, counted.count());
    if (badRowRate > 0) {
      badFiles(source, dir, firstDay, r, rows);
    }
    out.touch(dir + "/_SUCCESS");
  }

  private static OutputStream open(Source source, OutputStream raw) throws IOException {
    OutputStream buffered = new BufferedOutputStream(raw, 256 * 1024);
    return source.isJson() ? new DeterministicGzip(buffered) : buffered;
  }

  /**
   * An empty data file (in some partitions of every source, always in the first accounts one) and a
   * truncated gzip file (in some usage_events partitions, always the first). The truncated file
   * holds copies of good rows, so quarantining it loses nothing.
   */
  private void badFiles(
      Source source, String dir, boolean firstDay, SplittableRandom r, List<Row> rows) {
    boolean empty = r.nextDouble() < badRowRate || (firstDay && source == Source.ACCOUNTS);
    if (empty) {
      String file = dir + "/part-00001." + source.extension();
      out.touch(file);
      truth.badRow(source, file, -1, "", BadRowKind.EMPTY_FILE, "0 bytes");
    }
    if (source.isJson() && (r.nextDouble() < badRowRate || firstDay) && !rows.isEmpty()) {
      String file = dir + "/part-00002." + source.extension();
      byte[] whole = gzip(rows.subList(0, Math.min(TRUNCATED_SAMPLE_ROWS, rows.size())));
      byte[] cut = Arrays.copyOf(whole, whole.length / 2);
      try (OutputStream os = out.create(file)) {
        os.write(cut);
      } catch (IOException e) {
        throw LandingOutput.failure("cannot write " + file, e);
      }
      truth.badRow(
          source,
          file,
          -1,
          "",
          BadRowKind.TRUNCATED_GZIP,
          cut.length + " of " + whole.length + " bytes");
      stats.get(source).addBytes(cut.length);
    }
  }

  private static byte[] gzip(List<Row> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new DeterministicGzip(bytes)) {
      for (Row row : rows) {
        gz.write(row.line().getBytes(StandardCharsets.UTF_8));
        gz.write(NEWLINE);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
