package io.medsyn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hashes the stages share: SHA-256 for content that must be told apart, SplitMix64 for seeds and keys. */
public final class Hashes {
  private Hashes() {}

  /** A fresh SHA-256 digest (not thread-safe: one per caller). */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** SHA-256 of the text's UTF-8 bytes, as 64 hex digits. */
  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** SplitMix64's finaliser: neighbouring inputs give unrelated outputs. */
  public static long splitMix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
