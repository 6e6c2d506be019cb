package dev.plugboard.woocommerce;

import dev.plugboard.cli.Cli;
import dev.plugboard.cli.CliEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process {@link WooCommerceCanaryTest} forks: runs the real {@code plugboard} command once per
 * line of the file it is given, with the libraries logging at debug onto stderr, as
 * {@code PLUGBOARD_LOG=debug} does. A line is the arguments, then the environment entries
 * ({@code NAME=VALUE}), separated by tabs, with {@code --} between the two.
 */
final class WooCommerceCanaryRun {

  private WooCommerceCanaryRun() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    List<String> runs = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    for (String run : runs) {
      List<String> parts = Arrays.asList(run.split("\t"));
      int split = parts.indexOf("--");
      Map<String, String> env = new LinkedHashMap<>();
      for (String entry : parts.subList(split + 1, parts.size())) {
        env.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
      }
      int code = Cli.run(parts.subList(0, split).toArray(String[]::new),
          new CliEnvironment(out, err, new ByteArrayInputStream(new byte[0]), env));
      out.println("[exit " + code + "]");
    }
    out.flush();
    err.flush();
  }
}
