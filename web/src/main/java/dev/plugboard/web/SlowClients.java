package dev.plugboard.web;

/**
 * Bounds the JDK HTTP server sets for every server of the process, read once when the first
 * starts: a request's head must arrive within {@value #REQUEST_SECONDS} seconds and hold at most
 * {@value #MAX_HEADERS} headers, and an idle connection is closed after {@value #IDLE_SECONDS}
 * seconds. A value the application set itself (as a system property) is kept.
 */
final class SlowClients {

  static final int REQUEST_SECONDS = 10;
  static final int IDLE_SECONDS = 30;
  static final int MAX_HEADERS = 64;

  private SlowClients() {}

  static void bound() {
    setIfAbsent("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
    setIfAbsent("sun.net.httpserver.maxReqHeaders", MAX_HEADERS);
    setIfAbsent("sun.net.httpserver.idleInterval", IDLE_SECONDS);
  }

  private static void setIfAbsent(String property, int value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, Integer.toString(value));
    }
  }
}
