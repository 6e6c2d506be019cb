package dev.plugboard.host.testing;

import dev.plugboard.api.Connector;

/**
 * Connectors whose code never returns or tries to end the host, for test plugin jars: one per
 * failure scenario, each copied into a jar of its own by {@link TestPluginJar#extension}.
 */
public final class HostilePlugins {

  private HostilePlugins() {}

  /** Sleeps for ever, waking from interrupts only to sleep again: a plugin that does not cooperate. */
  static void sleepForever() {
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException ignored) {
        // a hostile plugin ignores the host's interrupt
      }
    }
  }

  /** Its constructor never returns. */
  public static final class SleepingConstructor implements Connector {
    public SleepingConstructor() {
      sleepForever();
    }

    @Override
    public String descriptor() {
      return FixtureConnector.DESCRIPTOR;
    }
  }

  /** {@code descriptor()} never returns. */
  public static final class SleepingDescriptor implements Connector {
    @Override
    public String descriptor() {
      sleepForever();
      return FixtureConnector.DESCRIPTOR;
    }
  }

  /** Its static initialiser never returns. */
  public static final class SleepingStaticInitialiser implements Connector {
    static {
      sleepForever();
    }

    @Override
    public String descriptor() {
      return FixtureConnector.DESCRIPTOR;
    }
  }

  /** Calls {@code System.exit(7)} in its constructor. */
  public static final class ExitingConstructor implements Connector {
    public ExitingConstructor() {
      System.exit(7);
    }

    @Override
    public String descriptor() {
      return FixtureConnector.DESCRIPTOR;
    }
  }

  /** Calls {@code Runtime.halt(9)} in {@code descriptor()}. */
  public static final class HaltingDescriptor implements Connector {
    @Override
    public String descriptor() {
      Runtime.getRuntime().halt(9);
      return FixtureConnector.DESCRIPTOR;
    }
  }

  /** Calls {@code Runtime.exit(5)}, through a method reference, in its static initialiser. */
  public static final class ExitingStaticInitialiser implements Connector {
    static {
      java.util.function.IntConsumer exit = Runtime.getRuntime()::exit;
      exit.accept(5);
    }

    @Override
    public String descriptor() {
      return FixtureConnector.DESCRIPTOR;
    }
  }

  /** Calls {@code System.exit(1)} and swallows what stops it, then carries on as if nothing happened. */
  public static final class ExitSwallowingConstructor implements Connector {
    public ExitSwallowingConstructor() {
      try {
        System.exit(1);
      } catch (RuntimeException swallowed) {
        // a plugin that hides its attempt
      }
    }

    @Override
    public String descriptor() {
      return FixtureConnector.DESCRIPTOR;
    }
  }

  /** Calls {@code System.exit(4)} through reflection, which no rewriting of its class can see. */
  public static final class ReflectiveExitConstructor implements Connector {
    public ReflectiveExitConstructor() throws ReflectiveOperationException {
      System.class.getMethod("exit", int.class).invoke(null, 4);
    }

    @Override
    public String descriptor() {
      return FixtureConnector.DESCRIPTOR;
    }
  }
}
