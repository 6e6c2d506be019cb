package dev.plugboard.host.internal.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: plugin first, except for {@link HostFirstPackages}. Each class it
 * defines from the plugin's jar is read with a size limit and has its exit calls redirected to
 * {@link RefusedExit} ({@link ExitCalls}); the first refused attempt is kept, so that the host
 * can fail the plugin for it.
 */
final class HostFirstClassLoader extends PluginClassLoader {

  private final AtomicReference<String> exitAttempt = new AtomicReference<>();

  HostFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
    super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
  }

  @Override
  protected boolean shouldDelegateToParent(String className) {
    return HostFirstPackages.isHostFirst(className) || className.equals(RefusedExit.class.getName());
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (name.equals(RefusedExit.class.getName())) {
      throw new ClassNotFoundException(name); // always the host's own, never one the plugin bundles
    }
    URL url = findResource(name.replace('.', '/') + ".class");
    if (url == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] classFile;
    CodeSource source;
    try {
      URLConnection connection = url.openConnection();
      connection.setUseCaches(false); // the stream then closes the jar it opened
      try (InputStream in = connection.getInputStream()) {
        classFile = JarEntries.readBounded(in, JarEntries.MAX_CLASS_BYTES, name + ".class");
      }
      URL jar = connection instanceof JarURLConnection entry ? entry.getJarFileURL() : url;
      source = new CodeSource(jar, (Certificate[]) null);
    } catch (IOException e) {
      throw new ClassNotFoundException(name + " cannot be read from the plugin jar: " + e.getMessage(), e);
    }
    byte[] rewritten;
    try {
      rewritten = ExitCalls.rewrite(classFile);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new PluginLoadException(name + ".class cannot be checked (" + e.getMessage() + "): it is damaged, or built"
          + " for a Java version newer than this Plugboard knows");
    }
    definePackageOf(name);
    return defineClass(name, rewritten, 0, rewritten.length, new ProtectionDomain(source, null, this, null));
  }

  private void definePackageOf(String className) {
    int dot = className.lastIndexOf('.');
    if (dot > 0) {
      String name = className.substring(0, dot);
      if (getDefinedPackage(name) == null) {
        try {
          definePackage(name, null, null, null, null, null, null, null);
        } catch (IllegalArgumentException definedMeanwhile) {
          // another thread defined it first
        }
      }
    }
  }

  void recordExitAttempt(String attempt) {
    exitAttempt.compareAndSet(null, attempt);
  }

  /** The first exit call the plugin tried, such as {@code System.exit(3) in com.example.Connector}. */
  Optional<String> exitAttempt() {
    return Optional.ofNullable(exitAttempt.get());
  }
}
