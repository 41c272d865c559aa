package io.medsyn.style;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LexiconTest {
  static StyleModel model(Map<String, Long> phrases, Map<String, Long> shorthandSentences, Map<String, Long> fillers) {
    return new StyleModel(StyleModel.VERSION, new StyleModel.Provenance("test", "0".repeat(64), 100, 5, "now"),
        List.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210),
        Map.of(), Map.of("АД", 0.5), 0.0, phrases, shorthandSentences, fillers, 0.0, Map.of(),
        new StyleModel.Sides(Map.of(), 0.0));
  }

  @Test
  void aSymptomTakesTheUsersWordingWithItsStemsInAnyOrder() {
    Map<String, Long> phrases = new LinkedHashMap<>();
    phrases.put("горло болит", 7L);
    phrases.put("на боль в горле", 9L);
    phrases.put("боль в горле справа при глотании утром", 5L);
    Lexicon lexicon = new Lexicon(model(phrases, Map.of(), Map.of()));
    // "на боль в горле" starts with a preposition; the long phrase adds three content words: neither is a wording.
    for (int seed = 0; seed < 20; seed++) {
      assertThat(lexicon.phrasing("боль в горле", new SplittableRandom(seed))).isEqualTo("горло болит");
    }
    assertThat(lexicon.phrasing("изжога", new SplittableRandom(1))).isNull();
  }

  @Test
  void aWordingMayAddUpToTwoContentWords() {
    Lexicon lexicon = new Lexicon(model(Map.of("боль в горле при глотании", 6L), Map.of(), Map.of()));
    assertThat(lexicon.phrasing("боль в горле", new SplittableRandom(3))).isEqualTo("боль в горле при глотании");
  }

  @Test
  void shorthandAndFillersComeFromWholeSentencesAndRespectTheFilter() {
    Lexicon lexicon = new Lexicon(model(Map.of(), Map.of("АД в норме", 8L, "АД 120/80", 6L),
        Map.of("жалоб нет", 5L)));
    assertThat(lexicon.carrier("АД", new SplittableRandom(1), s -> !s.contains("норме"))).isEqualTo("АД 120/80");
    assertThat(lexicon.carrier("ОАК", new SplittableRandom(1), s -> true)).isNull();
    assertThat(lexicon.filler(new SplittableRandom(1), s -> true)).isEqualTo("жалоб нет");
    assertThat(lexicon.filler(new SplittableRandom(1), s -> false)).isNull();
  }

  @Test
  void aTokenWithoutASentenceIsWrittenAsAPhraseThatIsNotCutShort() {
    // "ОАК от" is cut from "ОАК от *ДАТА*": it ends on a preposition, so only the whole phrase carries the token.
    Lexicon lexicon = new Lexicon(model(Map.of("ОАК от", 12L, "ОАК в норме", 6L), Map.of(), Map.of()));
    for (int seed = 0; seed < 20; seed++) {
      assertThat(lexicon.carrier("ОАК", new SplittableRandom(seed), s -> true)).isEqualTo("ОАК в норме");
    }
  }

  @Test
  void aSymptomsFirstWordTakesTheFormsTheRealNotesWriteBeforeTheSameFunctionWord() {
    // RuMedTop3's counts: "боли в" in 1,476 notes, "боль в" in 363; "боли при" is another context.
    Lexicon lexicon = new Lexicon(model(Map.of("боли в", 1476L, "боль в", 363L, "боли при", 33L, "тошноту и", 40L),
        Map.of(), Map.of()));
    Map<String, Integer> seen = new java.util.TreeMap<>();
    for (int seed = 0; seed < 1000; seed++) {
      seen.merge(lexicon.inRealForm("Боль в пояснице", new SplittableRandom(seed)), 1, Integer::sum);
    }
    assertThat(seen.keySet()).containsExactly("Боли в пояснице", "Боль в пояснице");
    assertThat(seen.get("Боли в пояснице")).isBetween(760, 850);
    // Not before "в": no other context decides; no function word second: nothing to compare; the accusative
    // "тошноту" is never a list item's form of "тошнота".
    assertThat(lexicon.inRealForm("боль за грудиной", new SplittableRandom(1))).isEqualTo("боль за грудиной");
    assertThat(lexicon.inRealForm("ноющая боль в спине", new SplittableRandom(1))).isEqualTo("ноющая боль в спине");
    assertThat(lexicon.inRealForm("тошнота и рвота", new SplittableRandom(1))).isEqualTo("тошнота и рвота");
  }

  @Test
  void aWordingInTheAccusativeIsNotTakenForANominativeSymptom() {
    Lexicon lexicon = new Lexicon(model(Map.of("общую слабость", 45L, "общая слабость", 42L), Map.of(), Map.of()));
    for (int seed = 0; seed < 20; seed++) {
      assertThat(lexicon.phrasing("общая слабость", new SplittableRandom(seed))).isEqualTo("общая слабость");
    }
    assertThat(new Lexicon(model(Map.of("общую слабость", 45L), Map.of(), Map.of()))
        .phrasing("общая слабость", new SplittableRandom(1))).isNull();
  }

  @Test
  void aWordingIsCountedByTheNotesThatUseItsFirstWords() {
    Lexicon lexicon = new Lexicon(model(Map.of("жалобы на", 830L, "болеет в течение", 9L), Map.of(), Map.of()));
    assertThat(lexicon.notesUsing("Жалобы на ~")).isEqualTo(830);
    assertThat(lexicon.notesUsing("Предъявляет жалобы на ~")).isZero();
    assertThat(lexicon.notesUsing("Болеет в течение {dur}")).isEqualTo(9);
    // One word: the phrases cannot tell.
    assertThat(lexicon.notesUsing("Жалобы: ")).isZero();
  }
}
