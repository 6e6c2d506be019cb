package dev.plugboard.host.internal.plugins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads what the host takes from a plugin jar with a size limit, so that a zip bomb or a huge
 * file is refused in words, quickly, instead of filling the memory. Sizes are counted as the
 * bytes come out of the decompressor, never taken from the jar's own (forgeable) headers.
 */
final class JarEntries {

  /** The manifest, {@code META-INF/extensions.idx} and a descriptor: each holds a few kilobytes. */
  static final int MAX_ENTRY_BYTES = 1024 * 1024;

  /** One class file; the largest in common libraries are a few hundred kilobytes. */
  static final int MAX_CLASS_BYTES = 16 * 1024 * 1024;

  static final String EXTENSIONS_INDEX = "META-INF/extensions.idx";

  private JarEntries() {}

  /**
   * At most {@code limit} bytes of {@code in}.
   *
   * @throws PluginLoadException naming {@code what} when there are more
   */
  static byte[] readBounded(InputStream in, int limit, String what) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    if (bytes.length > limit) {
      throw new PluginLoadException(what + " is larger than " + size(limit) + ", far more than such a file holds;"
          + " the jar is damaged or not a connector plugin");
    }
    return bytes;
  }

  /** A descriptor or other data file, at most {@link #MAX_ENTRY_BYTES}. */
  static byte[] readBounded(InputStream in, String what) throws IOException {
    return readBounded(in, MAX_ENTRY_BYTES, what);
  }

  /**
   * The main attributes of the jar's manifest, after checking that the jar is a regular file and
   * that the entries PF4J reads (the manifest, {@code META-INF/extensions.idx}) are within the limit.
   */
  static Attributes checkedManifest(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new PluginLoadException(Files.isDirectory(jar)
          ? "is a folder, not a jar file; put the plugin's jar file itself in the plugins folder"
          : "is not a regular file (a named pipe, a device or a broken link); a plugin is a jar file");
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry index = zip.getEntry(EXTENSIONS_INDEX);
      if (index != null) {
        try (InputStream in = zip.getInputStream(index)) {
          readBounded(in, EXTENSIONS_INDEX);
        }
      }
      ZipEntry manifest = zip.getEntry(JarFile.MANIFEST_NAME);
      if (manifest == null) {
        return new Attributes();
      }
      try (InputStream in = zip.getInputStream(manifest)) {
        return new Manifest(new ByteArrayInputStream(readBounded(in, JarFile.MANIFEST_NAME))).getMainAttributes();
      }
    } catch (ZipException e) {
      throw new PluginLoadException("is not a readable jar (" + e.getMessage() + "); build or download it again");
    } catch (IOException e) {
      throw new PluginLoadException("cannot be read: " + e.getMessage());
    }
  }

  private static String size(int bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / 1024 / 1024 + " MiB" : bytes / 1024 + " KiB";
  }
}
