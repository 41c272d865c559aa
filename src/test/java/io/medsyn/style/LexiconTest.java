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
        Map.of(), Map.of("АД", 0.5), 0.0, phrases, shorthandSentences, fillers, 0.0, Map.of());
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
}
