package io.medsyn.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

class FingerprintTest {
  private static Row identity(Object... changes) {
    Object[] values = {7L, "I10", 54, CollectionConverters.asScala(List.of(RowFactory.create("s1", "головная боль",
        0.7))).toSeq(), null, "ru", "symptoms"};
    for (int i = 0; i < changes.length; i += 2) {
      values[(int) changes[i]] = changes[i + 1];
    }
    return RowFactory.create(values);
  }

  @Test
  void pinnedSoThatAnUpgradeCannotQuietlyChangeIt() {
    // The documented encoding hashed independently (Python: b'R' + 7 as 8 bytes + b'L' + 7 ... + b'N' + ...).
    assertThat(Fingerprint.of(identity()))
        .isEqualTo("729815ef062706365129b78e80b1b41e412e71993de3159db743492071439410");
  }

  @Test
  void everyPartCounts() {
    String base = Fingerprint.of(identity());
    assertThat(Fingerprint.of(identity())).isEqualTo(base);
    assertThat(List.of(Fingerprint.of(identity(0, 8L)), Fingerprint.of(identity(1, "I11")),
        Fingerprint.of(identity(2, 55)), Fingerprint.of(identity(4, "example")), Fingerprint.of(identity(5, "en")),
        Fingerprint.of(identity(3, CollectionConverters.asScala(List.of(RowFactory.create("s1", "головная боль",
            0.70000001)))
            .toSeq()))))
        .doesNotContain(base).doesNotHaveDuplicates();
    // Null and empty, and the same text split differently, are different inputs.
    assertThat(Fingerprint.of(RowFactory.create((Object) null))).isNotEqualTo(Fingerprint.of(RowFactory.create("")));
    assertThat(Fingerprint.of(RowFactory.create("ab", "c"))).isNotEqualTo(Fingerprint.of(RowFactory.create("a",
        "bc")));
  }
}
