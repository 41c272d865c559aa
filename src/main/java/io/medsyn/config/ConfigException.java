package io.medsyn.config;

/** A configuration that cannot be used; the message names the key, the bad value and the expected form. */
public class ConfigException extends IllegalArgumentException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Throws unless {@code ok}, with a message naming {@code key}. */
  public static void require(boolean ok, String key, String expected, Object actual) {
    if (!ok) {
      throw new ConfigException(String.format("%s: expected %s, got %s", key, expected, actual));
    }
  }
}
