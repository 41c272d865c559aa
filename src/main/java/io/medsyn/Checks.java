package io.medsyn;

/** Preconditions in the style of Guava's, without the dependency: every message names the bad value. */
public final class Checks {
  private Checks() {}

  public static void checkArgument(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }

  public static void checkState(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalStateException(String.format(format, args));
    }
  }
}
