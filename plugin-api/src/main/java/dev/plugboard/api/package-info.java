/**
 * The contract between Plugboard and its connector plugins.
 *
 * <p>A plugin compiles against this module only (with PF4J and SLF4J {@code provided}). It holds
 * no third-party types in its signatures, so that plugins and host never disagree about a class
 * loaded twice.
 */
package dev.plugboard.api;
