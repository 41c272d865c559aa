package io.medsyn.quality;

/** Which alphabet a note is written in: the share of its letters in the script of its language. */
final class Script {
  private Script() {}

  /** Share of letters that are Cyrillic ({@code ru}) or Latin ({@code en}); null for a text without letters. */
  static Double share(String text, String language) {
    Character.UnicodeScript expected = "en".equals(language) ? Character.UnicodeScript.LATIN
        : Character.UnicodeScript.CYRILLIC;
    long letters = 0;
    long inScript = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters++;
        if (Character.UnicodeScript.of(cp) == expected) {
          inScript++;
        }
      }
    }
    return letters == 0 ? null : inScript / (double) letters;
  }
}
