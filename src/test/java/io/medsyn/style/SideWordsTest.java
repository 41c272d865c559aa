package io.medsyn.style;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A side phrase taken apart into its place and form, and put back together, as the learner and the hints do. */
class SideWordsTest {
  @Test
  void aSidePhraseIsItsPlaceWithTheFormBetweenItsWords() {
    Set<String> phrases = SideWords.phrases("Боль в правой руке, отек левого коленного сустава. Слева чисто");

    assertThat(phrases).containsExactly("в правой руке", "отек левого коленного");
    assertThat(phrases).allSatisfy(phrase -> assertThat(SideWords.phrase(SideWords.placeOf(phrase),
        SideWords.formOf(phrase))).isEqualTo(phrase));
    assertThat(SideWords.placeOf("в правой руке")).isEqualTo("в руке").isEqualTo(SideWords.place("в", "руке"));
    assertThat(SideWords.formOf("в правой руке")).isEqualTo("правой");
    assertThat(SideWords.names("болит в левой руке", Set.of("в руке"))).isTrue();
    assertThat(SideWords.names("болит рука", Set.of("в руке"))).isFalse();
  }
}
