/**
 * Sandboxes: programmable stand-ins for a platform's API, served on the local machine, so that
 * a new user can try the whole connect flow without an account on the platform, and tests can
 * play every answer the platform gives (missing scopes, rejected tokens, rate limits, outages).
 *
 * <p>A plugin contributes one with an {@link dev.plugboard.api.sandbox.Sandbox} extension; the
 * host finds it by connector id, starts it for one run and allows its loopback address for that
 * run only.
 */
package dev.plugboard.api.sandbox;
