package io.medsyn.style;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DanglingTest {
  // Counts as RuMedTop3 train has them (k = 5): the notes go on after "в лобной", "в поясничном" and "в правой",
  // and stop after "в покое" in about four notes of ten.
  private final Dangling dangling = new Dangling(Map.ofEntries(Map.entry("в лобной", 94L),
      Map.entry("в лобной области", 80L), Map.entry("в поясничном", 270L), Map.entry("в поясничном отделе", 239L),
      Map.entry("в правой", 192L), Map.entry("в правой руке", 51L), Map.entry("в правой ноге", 50L),
      Map.entry("в правой подвздошной", 45L), Map.entry("в правой половине", 30L), Map.entry("в покое", 125L),
      Map.entry("в покое и", 51L), Map.entry("в покое в", 26L), Map.entry("с мокротой", 37L)), Map.of());

  @Test
  void aPhraseEndingOnAnAdjectiveTheNotesGoOnFromIsCut() {
    assertThat(dangling.test("головные боли в лобной")).isTrue();
    assertThat(dangling.test("Боли в поясничном")).isTrue();
    // No one next word holds half of "в правой"'s notes, but together they follow it in 176 of 192.
    assertThat(dangling.test("головные боли в правой")).isTrue();
  }

  @Test
  void anAdjectiveTheNotesOftenEndOnOrANounIsNot() {
    // "покое" has an adjective's ending, but next words follow it in 77 of 125 notes, one in 51; "мокротой" too,
    // and the phrases hold no next word.
    assertThat(dangling.test("дрожание руки в покое")).isFalse();
    assertThat(dangling.test("кашель с мокротой")).isFalse();
    assertThat(dangling.test("боли в лобной области")).isFalse();
    // Last two words the phrases do not hold ("в левой"): nothing shows they go on.
    assertThat(dangling.test("боли в левой")).isFalse();
  }

  @Test
  void aPhraseEndingOnAPrepositionOfTwoWordsIsCut() {
    assertThat(dangling.test("головокружение на фоне")).isTrue();
    assertThat(dangling.test("кашель в течение")).isTrue();
    assertThat(dangling.test("Головокружение при смене")).isTrue();
    assertThat(dangling.test("Головокружение НА ФОНЕ")).isTrue();
    assertThat(dangling.test("головокружение на фоне стресса")).isFalse();
    assertThat(dangling.test("боли в области сердца")).isFalse();
  }

  @Test
  void aPhraseEndingOnACompoundsFirstPartIsCut() {
    Dangling compounds = new Dangling(Map.of("в пояснично-крестцовом отделе", 12L, "в пояснично", 11L,
        "тянуще-ноющие боли", 6L, "беспокоит постоянно", 9L), Map.of());
    assertThat(compounds.test("боли в пояснично")).isTrue();
    assertThat(compounds.test("боли тянуще")).isTrue();
    assertThat(compounds.test("боли в пояснично-крестцовом отделе")).isFalse();
    assertThat(compounds.test("беспокоит постоянно")).isFalse();
  }

  @Test
  void aPhraseEndingOnAPrepositionAndAVerbalNounTheNotesGoOnFromIsCut() {
    // RuMedTop3's counts: "на фоне повышения" goes on "цифр АД" in 41 of 49 notes, "при смене положения" on "тела"
    // in 10 of 18.
    Dangling nouns = new Dangling(Map.of("фоне повышения", 49L, "фоне повышения цифр", 41L, "фоне повышения АД",
        8L, "смене положения", 18L, "смене положения тела", 10L), Map.of());
    assertThat(nouns.test("головокружение на фоне повышения")).isTrue();
    assertThat(nouns.test("на фоне повышения цифр")).isFalse();
    assertThat(nouns.test("головокружение при смене положения")).isFalse();
    assertThat(nouns.test("повышения")).isFalse();
  }

  @Test
  void aPhraseEndingOnAnAdjectiveWhoseLastTwoWordsRarelyEndAClauseIsCut() {
    // RuMedTop3's counts: "с обильным" ends no clause of its 5 notes, which go on "отделяемым" (3) or "слизистым
    // отделяемым", none often enough to be a phrase; "с мокротой" ends 7 of 37, "в покое" 54 of 125.
    Dangling ends = new Dangling(Map.of("насморк с обильным", 5L, "с обильным", 5L, "с мокротой", 37L, "в покое",
        125L), Map.of("с обильным", 0L, "с мокротой", 7L, "в покое", 54L));
    assertThat(ends.test("насморк с обильным")).isTrue();
    assertThat(ends.test("с обильным")).isTrue();
    assertThat(ends.test("кашель с мокротой")).isFalse();
    assertThat(ends.test("дрожание руки в покое")).isFalse();
    // Without the counts of its ends nothing shows the phrase is cut.
    assertThat(new Dangling(Map.of("насморк с обильным", 5L, "с обильным", 5L), Map.of()).test("насморк с обильным"))
        .isFalse();
  }

  @Test
  void aClauseOfOneAdjectiveAfterAdverbsIfAnyIsCutAndOneNounIsNot() {
    assertThat(dangling.test("выраженные")).isTrue();
    assertThat(dangling.test("ноющие")).isTrue();
    // RuMedTop3 train: "умеренно выраженные" ends a clause in 28 of its 50 notes, what a pain was in the one before.
    Dangling degrees = new Dangling(Map.of("умеренно выраженные", 50L, "колено отечное", 5L),
        Map.of("умеренно выраженные", 28L, "колено отечное", 5L));
    assertThat(degrees.test("умеренно выраженные")).isTrue();
    assertThat(degrees.test("резко выраженные")).isTrue();
    assertThat(degrees.test("боли умеренно выраженные")).isFalse();
    assertThat(degrees.test("колено отечное")).isFalse();
    for (String noun : new String[] {"слабость", "головокружение", "онемение", "тошнота", "насморк"}) {
      assertThat(dangling.test(noun)).as(noun).isFalse();
    }
  }
}
