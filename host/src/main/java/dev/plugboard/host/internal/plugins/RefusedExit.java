package dev.plugboard.host.internal.plugins;

/**
 * What plugin code calls instead of {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt}: {@link ExitCalls} rewrites those calls as each plugin class loads. The
 * attempt is recorded on the plugin's class loader, so the host fails the plugin even if the
 * plugin catches the exception thrown here. Public only because plugin classes, in other
 * packages and class loaders, must be able to call it; not an API.
 */
public final class RefusedExit {

  private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private RefusedExit() {}

  public static void systemExit(int status) {
    throw refuse("System.exit(" + status + ")", WALKER.getCallerClass());
  }

  public static void runtimeExit(Runtime runtime, int status) {
    throw refuse("Runtime.exit(" + status + ")", WALKER.getCallerClass());
  }

  public static void runtimeHalt(Runtime runtime, int status) {
    throw refuse("Runtime.halt(" + status + ")", WALKER.getCallerClass());
  }

  private static SecurityException refuse(String call, Class<?> caller) {
    String attempt = call + " in " + caller.getName();
    if (caller.getClassLoader() instanceof HostFirstClassLoader plugin) {
      plugin.recordExitAttempt(attempt);
    }
    return new SecurityException("Plugboard refuses " + attempt + ": a plugin may not end the host");
  }
}
