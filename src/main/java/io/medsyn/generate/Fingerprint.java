package io.medsyn.generate;

import io.medsyn.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.spark.sql.Row;

/**
 * The fingerprint of a request: SHA-256 over everything that determines its answer. The encoding is spelled out
 * here (a tag per value, lengths before contents, doubles by their bits) rather than borrowed from a JSON writer,
 * so that no library or JDK upgrade changes fingerprints and makes a re-run pay for finished notes again.
 */
final class Fingerprint {
  private Fingerprint() {}

  /** The fingerprint of a row of strings, whole numbers, doubles, nested rows and arrays. */
  static String of(Row identity) {
    MessageDigest sha = Hashes.sha256();
    update(sha, identity);
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void update(MessageDigest sha, Object value) {
    if (value == null) {
      sha.update((byte) 'N');
    } else if (value instanceof String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      sha.update((byte) 'S');
      number(sha, bytes.length);
      sha.update(bytes);
    } else if (value instanceof Long || value instanceof Integer) {
      sha.update((byte) 'L');
      number(sha, ((Number) value).longValue());
    } else if (value instanceof Double d) {
      sha.update((byte) 'D');
      number(sha, Double.doubleToLongBits(d));
    } else if (value instanceof Row row) {
      sha.update((byte) 'R');
      number(sha, row.size());
      for (int i = 0; i < row.size(); i++) {
        update(sha, row.get(i));
      }
    } else if (value instanceof scala.collection.Seq<?> seq) {
      sha.update((byte) 'A');
      number(sha, seq.size());
      scala.collection.Iterator<?> items = seq.iterator();
      while (items.hasNext()) {
        update(sha, items.next());
      }
    } else {
      throw new IllegalArgumentException("a fingerprint cannot include a " + value.getClass().getName());
    }
  }

  private static void number(MessageDigest sha, long n) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      sha.update((byte) (n >>> shift));
    }
  }
}
