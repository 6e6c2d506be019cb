package dev.plugboard.host.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;

/**
 * A TLS server's sockets whose handshakes wait until {@code together} connections are open at
 * once (10 s at most): a client that holds its other connections back until the first is up
 * leaves that one waiting in vain, which {@link #waitedInVain()} counts.
 */
final class HandshakesTogether extends SSLSocketFactory {

  private final SSLSocketFactory tls;
  private final CountDownLatch arrived;
  private final AtomicInteger waitedInVain = new AtomicInteger();

  HandshakesTogether(SSLSocketFactory tls, int together) {
    this.tls = tls;
    this.arrived = new CountDownLatch(together);
  }

  /** Handshakes that gave up waiting for the others and went on alone. */
  int waitedInVain() {
    return waitedInVain.get();
  }

  /** The server side of an accepted connection, once enough others are open too. */
  @Override
  public Socket createSocket(Socket accepted, String host, int port, boolean autoClose) throws IOException {
    arrived.countDown();
    try {
      if (!arrived.await(10, TimeUnit.SECONDS)) {
        waitedInVain.incrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the other connections");
    }
    return tls.createSocket(accepted, host, port, autoClose);
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return tls.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return tls.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return tls.createSocket(host, port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return tls.createSocket(host, port, localHost, localPort);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return tls.createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return tls.createSocket(address, port, localAddress, localPort);
  }
}
