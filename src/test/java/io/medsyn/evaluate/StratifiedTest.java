package io.medsyn.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.testing.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class StratifiedTest {
  /** 40 notes of A, 10 of B, 1 of C. */
  private static Dataset<Row> notes() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      rows.add(RowFactory.create("n" + i, "text " + i, i < 40 ? "A" : i < 50 ? "B" : "C"));
    }
    StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType)
        .add("code", DataTypes.StringType);
    return TestSpark.session().createDataFrame(rows, schema).repartition(3);
  }

  private static Map<String, Long> counts(Dataset<Row> notes) {
    Map<String, Long> counts = new TreeMap<>();
    notes.groupBy("code").count().collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
    return counts;
  }

  private static List<String> ids(Dataset<Row> notes) {
    return notes.select("id").orderBy("id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }

  @Test
  void sampleKeepsEachCodesShareAndAtLeastOneNote() {
    assertThat(counts(Stratified.sample(notes(), 0.25, 1))).containsExactlyEntriesOf(
        new TreeMap<>(Map.of("A", 10L, "B", 3L, "C", 1L)));
    assertThat(counts(Stratified.sample(notes(), 0.5, 1))).containsExactlyEntriesOf(
        new TreeMap<>(Map.of("A", 20L, "B", 5L, "C", 1L)));
    assertThat(Stratified.sample(notes(), 0, 1).count()).isZero();
    assertThat(Stratified.sample(notes(), 1, 1).count()).isEqualTo(51);
  }

  @Test
  void sampleIsSeededAndIndependentOfPartitioning() {
    List<String> first = ids(Stratified.sample(notes(), 0.5, 7));
    assertThat(ids(Stratified.sample(notes().repartition(1), 0.5, 7))).isEqualTo(first);
    assertThat(ids(Stratified.sample(notes(), 0.5, 8))).isNotEqualTo(first);
    // A larger share of the same seed extends the smaller one: mixtures nest.
    assertThat(ids(Stratified.sample(notes(), 0.75, 7))).containsAll(first);
  }

  @Test
  void splitIsStratifiedDisjointAndComplete() {
    Dataset<Row>[] split = Stratified.split(notes(), 0.2, 3);
    assertThat(counts(split[1])).containsExactlyEntriesOf(new TreeMap<>(Map.of("A", 8L, "B", 2L)));
    assertThat(counts(split[0])).containsExactlyEntriesOf(new TreeMap<>(Map.of("A", 32L, "B", 8L, "C", 1L)));
    List<String> all = new ArrayList<>(ids(split[0]));
    all.addAll(ids(split[1]));
    assertThat(all).doesNotHaveDuplicates().hasSize(51);
  }

  @Test
  void foldsDealEachCodeRoundTheFolds() {
    Dataset<Row> folded = Stratified.folds(notes(), 5, 2);
    for (int fold = 0; fold < 5; fold++) {
      assertThat(counts(folded.where("fold = " + fold)).get("A")).isEqualTo(8L);
      assertThat(counts(folded.where("fold = " + fold)).get("B")).isEqualTo(2L);
    }
  }
}
