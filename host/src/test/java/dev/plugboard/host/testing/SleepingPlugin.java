package dev.plugboard.host.testing;

import org.pf4j.Plugin;

/** A PF4J {@code Plugin-Class} whose start never returns. */
public final class SleepingPlugin extends Plugin {

  @Override
  public void start() {
    HostilePlugins.sleepForever();
  }
}
