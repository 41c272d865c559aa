package io.medsyn.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void wordsAreLowerCasedRunsOfLettersAndDigitsWithYoReadAsYe() {
    assertThat(Words.of("Жалобы: ЁЛКА, ёж; АД 120/80 мм рт. ст.")).containsExactly("жалобы", "елка", "еж", "ад",
        "120", "80", "мм", "рт", "ст");
    assertThat(Words.of("COVID-19 in 2020's")).containsExactly("covid", "19", "in", "2020", "s");
    assertThat(Words.of("  ,.;  ")).isEmpty();
    assertThat(Words.of("")).isEmpty();
  }

  @Test
  void onlyDecimalDigitsCountSoSuperscriptsAndFractionsSplitWords() {
    assertThat(Words.of("площадь 2м² и ½ дозы")).containsExactly("площадь", "2м", "и", "дозы");
  }

  @Test
  void lettersOutsideTheBasicPlaneStayWhole() {
    String gothic = new String(Character.toChars(0x10330)) + new String(Character.toChars(0x10331));
    assertThat(Words.of("a " + gothic + " b")).containsExactly("a", gothic, "b");
  }

  @Test
  void runsAreTheDistinctStretchesOfNConsecutiveWords() {
    assertThat(Words.runs(Words.of("a b c a b c"), 3)).containsExactlyInAnyOrder("a b c", "b c a", "c a b");
    assertThat(Words.runs(Words.of("a b"), 3)).isEmpty();
    assertThat(Words.runs(Words.of("a b"), 1)).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void foldGivesAPieceOfTextTheCaseAndYoOfAWord() {
    assertThat(Words.fold("ЁЛКА")).isEqualTo("елка").isEqualTo(Words.of("ЁЛКА").get(0));
    // Only the case is folded: what another tokeniser keeps in a token stays.
    assertThat(Words.fold("38.5/Мг")).isEqualTo("38.5/мг");
  }

  @Test
  void normalizeJoinsTheWordsWithOneSpace() {
    assertThat(Words.normalize("  Головная   БОЛЬ,\n\tтошнота!  ")).isEqualTo("головная боль тошнота");
    assertThat(Words.normalize("!!!")).isEmpty();
  }
}
