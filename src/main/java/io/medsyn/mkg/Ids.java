package io.medsyn.mkg;

import java.text.Normalizer;
import java.util.Locale;

/** Stable vertex ids: a type prefix and a slug of the defining text, so the same fact gets one vertex. */
public final class Ids {
  private Ids() {}

  public static String disease(String code) {
    return "icd:" + code;
  }

  public static String of(VertexType type, String text) {
    return type.label() + ":" + slug(text);
  }

  /** Lower-case letters and digits of any script, runs of anything else folded to one '-'. */
  public static String slug(String text) {
    String normalized = Normalizer.normalize(text.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    return normalized.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
  }
}
