package io.medsyn.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StemmerTest {
  private final Stemmer stemmer = new Stemmer();

  private boolean family(String a, String b) {
    return Stemmer.sameFamily(stemmer.stem(a), stemmer.stem(b));
  }

  @Test
  void aNounAndItsRelationalAdjectiveAreOneFamilyInEitherOrder() {
    assertThat(family("пояснице", "поясничном")).isTrue();
    assertThat(family("поясничный", "поясница")).isTrue();
    assertThat(family("сердце", "сердечный")).isTrue();
    assertThat(family("желудка", "желудочный")).isTrue();
    assertThat(family("боль", "боли")).isTrue();
  }

  @Test
  void shortStemsNounsInHAndLongerDerivationsAreNot() {
    // грудь and грудной: "боль в груди" is not "боль в грудном отделе позвоночника".
    assertThat(family("груди", "грудном")).isFalse();
    assertThat(family("болезнь", "болезненный")).isFalse();
    assertThat(family("сердце", "сердцебиение")).isFalse();
    assertThat(family("голова", "головокружение")).isFalse();
    assertThat(family("кашель", "насморк")).isFalse();
  }
}
