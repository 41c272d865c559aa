package io.medsyn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QualityConfigTest {
  @Test
  void defaultsAreTheDocumentedThresholds() {
    QualityConfig quality = ConfigLoader.defaultConfig().quality();
    assertThat(quality.minChars()).isEqualTo(30);
    assertThat(quality.maxChars()).isEqualTo(8000);
    assertThat(quality.minScriptShare()).isEqualTo(0.8);
    assertThat(quality.symptomWordShare()).isEqualTo(0.6);
    assertThat(quality.minSymptomCoverage()).isEqualTo(0.6);
    assertThat(quality.leakNameShare()).isEqualTo(0.6);
    assertThat(quality.copyNgram()).isEqualTo(5);
    assertThat(quality.maxCopyShare()).isEqualTo(0.3);
    assertThat(quality.refusalPatterns()).hasSize(14).contains("языков(ая|ой|ую) модел");
    assertThat(quality.nearDuplicate()).isEqualTo(new NearDuplicateConfig(5, 0.7, 12, 5, 0.01, 20));
    assertThat(quality.nearDuplicate().hashes()).isEqualTo(60);
    assertThat(quality.realPassageWords()).isEqualTo(8);
    assertThat(quality.realism()).isEqualTo(new RealismConfig(800, 5));
    assertThat(ConfigLoader.defaultConfig().style().minRealNotes()).isEqualTo(5);
  }

  @Test
  void privacyAndRealismSettingsNameTheirKeys() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("quality.real_passage_words=1")))
        .hasMessageContaining("quality.real_passage_words: expected an integer >= 2, got 1");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("quality.realism.folds=1")))
        .hasMessageContaining("quality.realism.folds: expected an integer in [2, 20], got 1");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("quality.realism.discriminator_notes=9")))
        .hasMessageContaining("quality.realism.discriminator_notes: expected an integer >= 2 x quality.realism.folds"
            + " (10), got 9");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("style.min_real_notes=1")))
        .hasMessageContaining("style.min_real_notes: expected an integer >= 2 (a phrase from fewer notes could"
            + " identify a patient), got 1");
  }

  @Test
  void overridesReachTheNestedSection() {
    QualityConfig quality = ConfigLoader.load(null, List.of("quality.near_duplicate.bands=20",
        "quality.refusal_patterns=['as an ai']", "quality.min_chars=40")).quality();
    assertThat(quality.nearDuplicate().bands()).isEqualTo(20);
    assertThat(quality.refusalPatterns()).containsExactly("as an ai");
    assertThat(quality.minChars()).isEqualTo(40);
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("quality.max_chars=20")))
        .hasMessageContaining("quality.max_chars: expected an integer > quality.min_chars (30), got 20");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("quality.max_copy_share=1.5")))
        .hasMessageContaining("quality.max_copy_share: expected a number in [0, 1], got 1.5");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("quality.near_duplicate.min_similarity=0")))
        .hasMessageContaining("quality.near_duplicate.min_similarity: expected a number in (0, 1], got 0.0");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("quality.refusal_patterns=['(unclosed']")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("quality.refusal_patterns: expected Java regular expressions, got '(unclosed'");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("quality.refusal_patterns=['I cannot']")))
        .hasMessageContaining("quality.refusal_patterns: expected patterns in lower case (notes are matched in lower"
            + " case), got 'I cannot'");
    assertThat(ConfigLoader.load(null, List.of("quality.refusal_patterns=['\\Wsorry\\p{Lu}']")).quality()
        .refusalPatterns()).containsExactly("\\Wsorry\\p{Lu}");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("quality.near_duplicate.shingles=3")))
        .hasMessageContaining("--set quality.near_duplicate.shingles: unknown key")
        .hasMessageContaining("shingle_chars");
  }
}
