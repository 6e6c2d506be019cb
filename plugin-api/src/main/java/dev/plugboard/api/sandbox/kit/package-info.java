/**
 * What every sandbox needs and no platform decides: a loopback HTTP server that plays the faults
 * and the latency it was asked for and logs each exchange ({@link SandboxServer}), the fault plan
 * ({@link FaultPlan}) and a fixed-window request quota ({@link RateWindow}). A plugin's sandbox
 * supplies only its platform: which scope guards a request, and how the platform answers.
 *
 * <pre>{@code
 * FaultPlan faults = new FaultPlan(options.faults(), MyScope::key);
 * SandboxServer server = SandboxServer.start("myplatform", options.latency(), faults, new MyPlatform(faults));
 * }</pre>
 */
package dev.plugboard.api.sandbox.kit;
