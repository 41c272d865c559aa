package io.medsyn.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.medsyn.config.ClassWeight;
import io.medsyn.config.ConfigException;
import io.medsyn.testing.TestSpark;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The instance weights {@link IcdClassifier} fits with: synthetic weight times the code's class weight. */
class ClassWeightTest {
  // Code A: three real notes. Code B: one real and two synthetic notes, which weigh 0.5 each.
  private static final List<Row> ROWS = List.of(RowFactory.create("a1", "A", false),
      RowFactory.create("a2", "A", false), RowFactory.create("a3", "A", false), RowFactory.create("b1", "B", false),
      RowFactory.create("b2", "B", true), RowFactory.create("b3", "B", true));

  private static Map<String, Double> weights(ClassWeight weight) {
    StructType schema = new StructType().add("id", DataTypes.StringType).add("code", DataTypes.StringType)
        .add(IcdClassifier.SYNTHETIC, DataTypes.BooleanType);
    Map<String, Double> byId = new HashMap<>();
    IcdClassifier.weigh(TestSpark.session().createDataFrame(ROWS, schema), new FitSettings(1e-4, weight, 0.5, 0))
        .collectAsList().forEach(r -> byId.put(r.getAs("id"), r.getAs(IcdClassifier.WEIGHT)));
    return byId;
  }

  @Test
  void noneWeighsOnlySyntheticNotes() {
    assertThat(weights(ClassWeight.NONE)).containsExactlyInAnyOrderEntriesOf(Map.of("a1", 1.0, "a2", 1.0, "a3", 1.0,
        "b1", 1.0, "b2", 0.5, "b3", 0.5));
  }

  @Test
  void balancedGivesEveryCodeOneMassCountingSyntheticNotesByTheirWeight() {
    // Masses: A 3, B 1 + 2 × 0.5 = 2; 2.5 per code. A: 2.5 / 3; B: 2.5 / 2, times 0.5 for a synthetic note.
    Map<String, Double> w = weights(ClassWeight.BALANCED);
    assertThat(w.get("a1")).isCloseTo(0.833333, within(1e-6));
    assertThat(w.get("b1")).isCloseTo(1.25, within(1e-9));
    assertThat(w.get("b2")).isCloseTo(0.625, within(1e-9));
    assertThat(w.get("a1") * 3).isCloseTo(w.get("b1") + w.get("b2") + w.get("b3"), within(1e-9));
  }

  @Test
  void aPartialPowerLiftsRareCodesPartOfTheWay() {
    ClassWeight half = ClassWeight.named("evaluate.classifier.class_weights", "balanced^0.50");
    assertThat(half).isEqualTo(new ClassWeight("balanced^0.5", 0.5));
    Map<String, Double> w = weights(half);
    assertThat(w.get("a1")).isCloseTo(Math.sqrt(2.5 / 3), within(1e-9)).isCloseTo(0.912871, within(1e-6));
    assertThat(w.get("b1")).isCloseTo(1.118034, within(1e-6));
    assertThat(w.get("b2")).isCloseTo(0.559017, within(1e-6));
  }

  @Test
  void anUnknownWeightingNamesTheKeyAndTheForms() {
    for (String bad : List.of("inverse", "balanced^1.5", "balanced^0", "balanced^half")) {
      assertThatThrownBy(() -> ClassWeight.named("evaluate.classifier.class_weights", bad))
          .isInstanceOf(ConfigException.class).hasMessage("evaluate.classifier.class_weights: expected none,"
              + " balanced or balanced^P with 0 < P < 1 (e.g. balanced^0.5), got " + bad);
    }
  }
}
