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
}
