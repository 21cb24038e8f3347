package io.pulse.generator.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip at a fixed level. The JDK writes a fixed header (no file name, modification time 0), so the
 * same bytes in give the same bytes out.
 */
final class DeterministicGzip extends GZIPOutputStream {
  static final int LEVEL = Deflater.BEST_SPEED;

  DeterministicGzip(OutputStream out) throws IOException {
    super(out, 64 * 1024);
    def.setLevel(LEVEL);
  }
}
