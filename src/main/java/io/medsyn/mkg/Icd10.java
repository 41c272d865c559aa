package io.medsyn.mkg;

import java.util.regex.Pattern;

/** ICD-10 code forms: a 3-character category (I11) and subcodes under it (I11.9, M54.16). */
public final class Icd10 {
  private static final Pattern CODE = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,2})?");

  private Icd10() {}

  public static boolean isValid(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  public static boolean isCategory(String code) {
    return isValid(code) && code.length() == 3;
  }

  /** The 3-character category of a valid code. */
  public static String category(String code) {
    return code.substring(0, 3);
  }

  /** The code cut at {@code depth} characters before the dot (3 = category); shorter codes stay as they are. */
  public static String atDepth(String code, int depth) {
    if (depth <= 3 || code.length() <= 3) {
      return code.substring(0, Math.min(3, code.length()));
    }
    return code.substring(0, Math.min(code.length(), depth + 1));
  }
}
