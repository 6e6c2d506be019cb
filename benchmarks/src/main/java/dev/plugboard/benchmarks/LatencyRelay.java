package dev.plugboard.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay that holds every chunk of bytes for half the round-trip time in each
 * direction, as a network with that latency does: a TLS handshake, a request and its answer each
 * pay it, not only the answer. The TCP handshake to the relay itself is immediate.
 */
final class LatencyRelay implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final long oneWayNanos;
  private final AtomicInteger accepted = new AtomicInteger();

  LatencyRelay(InetSocketAddress target, long roundTripMillis) throws IOException {
    this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    this.target = target;
    this.oneWayNanos = TimeUnit.MILLISECONDS.toNanos(roundTripMillis) / 2;
    daemon(this::accept, "relay-accept");
  }

  int port() {
    return server.getLocalPort();
  }

  /** How many connections it has accepted. */
  int accepted() {
    return accepted.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        accepted.incrementAndGet();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        pipe(client, upstream);
        pipe(upstream, client);
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** Bytes from {@code from} reach {@code to} one way's latency after they arrived. */
  private void pipe(Socket from, Socket to) {
    BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
    daemon(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          chunks.put(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + oneWayNanos));
        }
      } catch (IOException | InterruptedException ended) {
        // the connection ended
      }
      chunks.add(Chunk.END);
    }, "relay-read");
    daemon(() -> {
      try (OutputStream out = to.getOutputStream()) {
        while (true) {
          Chunk chunk = chunks.take();
          if (chunk == Chunk.END) {
            to.shutdownOutput();
            return;
          }
          long wait = chunk.due() - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          out.write(chunk.bytes());
          out.flush();
        }
      } catch (IOException | InterruptedException ended) {
        // the other side went away
      }
    }, "relay-write");
  }

  private static void daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Chunk(byte[] bytes, long due) {
    static final Chunk END = new Chunk(new byte[0], 0);
  }
}
