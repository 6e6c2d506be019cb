package dev.plugboard.host.internal.form;

import dev.plugboard.host.ValuesException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the small text files values come in, strictly: a wrong file is refused in words, naming it. */
final class TextInput {

  /** Far above any credentials or values file, small enough to refuse a wrong file quickly. */
  static final int MAX_BYTES = 1024 * 1024;

  private TextInput() {}

  /** The file's text; {@code what} names it in messages ({@code credentials file}). */
  static String file(Path path, String what) {
    String name = what + " " + path.toAbsolutePath().normalize();
    if (Files.isDirectory(path)) {
      throw new ValuesException(name + " is a folder; give the file itself");
    }
    if (!Files.exists(path)) {
      throw new ValuesException(name + " does not exist; check the path");
    }
    if (!Files.isRegularFile(path)) {
      // A named pipe or a device could block for ever or never end: only a regular file is read.
      // (To pipe values in, give - and standard input.)
      throw new ValuesException(name + " is not a regular file (a named pipe or a device, say); give a file, or - to"
          + " read standard input");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return decode(read(in, name), name);
    } catch (AccessDeniedException e) {
      throw new ValuesException(name + " cannot be read: permission denied");
    } catch (IOException e) {
      throw new ValuesException(name + " cannot be read (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
  }

  /** A stream's text, such as standard input for {@code --values-file -}. */
  static String stream(InputStream in, String name) {
    try {
      return decode(read(in, name), name);
    } catch (IOException e) {
      throw new ValuesException(name + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static byte[] read(InputStream in, String name) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new ValuesException(name + " is larger than " + (MAX_BYTES / 1024 / 1024) + " MiB; it should hold a few lines");
    }
    return bytes;
  }

  /** Strict UTF-8 with a byte-order mark dropped: a wrongly saved file is named, not half read. */
  static String decode(byte[] bytes, String name) {
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      throw new ValuesException(name + " is UTF-16 text; save it as UTF-8");
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new ValuesException(name + " is not UTF-8 text (an invalid byte at offset " + in.position()
          + "); save it as UTF-8");
    }
    decoder.flush(out);
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
