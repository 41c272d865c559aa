package io.medsyn.style;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StyleHintsTest {
  @Test
  void theHintGivesTheLengthTheRegisterMixAndTheShorthand() {
    StyleModel model = LexiconTest.model(Map.of(), Map.of(), Map.of());
    String hint = StyleHints.of(model, "ru");
    // Quantiles 10, 20, ... 210: the median is the 11th, the quartiles the 6th and the 16th.
    assertThat(hint).startsWith("Длина записи: около 110 знаков (обычно от 60 до 160). ")
        .contains("«Жалобы на …» в 0 % записей").endsWith(" Принятые сокращения и метки: АД.");
    assertThat(StyleHints.of(model, "en")).isEmpty();
    assertThat(StyleHints.of(null, "ru")).isEmpty();
  }

  @Test
  void theHintNamesTheSidesMostWrittenAndHowOften() {
    StyleModel model = LexiconTest.sided(Map.of("в руке", Map.of("правой", 51L, "левой", 35L),
        "области подреберья", Map.of("правого", 40L)), 0.26);
    assertThat(StyleHints.of(model, "ru")).endsWith(" Принятые сокращения и метки: АД. Сторону тела пишут"
        + " прилагательным («в правой руке», «области правого подреберья») в 26 % записей.");
    assertThat(StyleHints.of(LexiconTest.model(Map.of(), Map.of(), Map.of()), "ru")).doesNotContain("Сторону");
  }
}
