package io.pulse.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for test servers, and ones where nothing listens. */
public final class Ports {
  private Ports() {}

  /** A port that was free a moment ago: for a server to bind, or as one nothing answers on. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An endpoint URL on which nothing listens. */
  public static String deadEndpoint() {
    return "http://127.0.0.1:" + free();
  }
}
