package io.medsyn.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.medsyn.config.ClassWeight;
import io.medsyn.config.ClassifierConfig;
import io.medsyn.config.ConfigLoader;
import io.medsyn.testing.TestSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Fits that share one training set's {@link TrainingFeatures}, with other settings or on fewer synthetic notes, give
 * the same models as fits that compute them alone, whatever the partitioning (a fit after the first starts where the
 * last ended on the notes they share, so within the tolerance, in fewer passes); closing the features releases them.
 */
class TrainingFeaturesTest {
  private static final String[][] NOTES = {{"J06", "насморк и боль в горле"}, {"J06", "першит в горле, насморк"},
      {"J06", "боль в горле, температура"}, {"J06", "заложен нос, горло болит"}, {"M54", "боль в пояснице"},
      {"M54", "поясница болит при наклоне"}, {"I10", "давление 160/100, головная боль"},
      {"I10", "головная боль, давление повышено"}};
  private static final String[][] SYNTHETIC = {{"M54", "ноющая боль в пояснице"}, {"I10", "повышенное давление"},
      {"I10", "давление и шум в ушах"}};
  private static final String[][] HELD = {{"J06", "горло болит"}, {"M54", "боль в пояснице и горле"},
      {"I10", "давление, боль"}};

  private static Dataset<Row> notes(String prefix, String[][] notes, boolean synthetic) {
    StructType schema = new StructType().add("id", DataTypes.StringType).add("code", DataTypes.StringType)
        .add("text", DataTypes.StringType).add(IcdClassifier.SYNTHETIC, DataTypes.BooleanType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < notes.length; i++) {
      rows.add(RowFactory.create(prefix + i, notes[i][0], notes[i][1], synthetic));
    }
    return TestSpark.session().createDataFrame(rows, schema);
  }

  @Test
  void sharedFeaturesFitAsFeaturesComputedAlone() {
    ClassifierConfig config = ConfigLoader.load(null, List.of("evaluate.classifier.char_ngrams.max=4",
        "evaluate.classifier.tol=1e-6")).evaluate().classifier();
    IcdClassifier classifier = new IcdClassifier(config, 3);
    Dataset<Row> train = classifier.terms(notes("r", NOTES, false).unionByName(notes("s", SYNTHETIC, true)))
        .cache();
    Dataset<Row> held = classifier.terms(notes("h", HELD, false)).cache();
    // Materialised first, so that the count of persisted RDDs below moves only with the features'.
    assertThat(train.count() + held.count()).isEqualTo(14);
    List<FitSettings> settings = List.of(new FitSettings(1e-3, ClassWeight.NONE, 1.0, 0),
        new FitSettings(1e-3, ClassWeight.BALANCED, 0.2, 0.5));
    int persisted = TestSpark.session().sparkContext().getPersistentRDDs().size();
    List<TrainedClassifier> shared = new ArrayList<>();
    try (TrainingFeatures features = classifier.features(train)) {
      assertThat(TestSpark.session().sparkContext().getPersistentRDDs().size()).isEqualTo(persisted + 1);
      for (FitSettings s : settings) {
        TrainedClassifier model = features.fit(s);
        assertThat(model.settings()).isEqualTo(s);
        assertThat(model.labels()).containsExactly("I10", "J06", "M54");
        // The prior is the real notes' (2, 4 and 2 of 8), add-one smoothed; the synthetic notes do not move it.
        assertThat(model.logPrior()).containsExactly(new double[] {Math.log(3 / 11.0), Math.log(5 / 11.0),
            Math.log(3 / 11.0)}, within(1e-12));
        shared.add(model);
      }
      // A fit that starts at its own optimum (the same settings again) has nothing left to do.
      assertThat(features.fit(settings.get(1)).iterations()).isEqualTo(1);
    }
    assertThat(TestSpark.session().sparkContext().getPersistentRDDs().size()).isEqualTo(persisted);
    TrainedClassifier first = classifier.fitTerms(train, settings.get(0));
    assertThat(probabilities(shared.get(0), held)).isDeepEqualTo(probabilities(first, held));
    TrainedClassifier second = classifier.fitTerms(train, settings.get(1));
    double[][] started = probabilities(shared.get(1), held);
    double[][] afresh = probabilities(second, held);
    for (int n = 0; n < afresh.length; n++) {
      assertThat(started[n]).as("held note %s", n).containsExactly(afresh[n], within(1e-4));
    }
    // The settings took effect: the two fits differ.
    assertThat(probabilities(first, held)[1][0]).isNotCloseTo(afresh[1][0], within(1e-3));
    train.unpersist();
    held.unpersist();
  }

  @Test
  void aFitOnOtherNotesStartsWhereTheLastEndedOnTheNotesTheyShare() {
    ClassifierConfig config = ConfigLoader.load(null, List.of("evaluate.classifier.char_ngrams.max=4",
        "evaluate.classifier.features_from=real", "evaluate.classifier.tol=1e-6")).evaluate().classifier();
    IcdClassifier classifier = new IcdClassifier(config, 5);
    Dataset<Row> real = classifier.terms(notes("r", NOTES, false)).cache();
    Dataset<Row> synthetic = classifier.terms(notes("s", SYNTHETIC, true)).cache();
    Dataset<Row> held = classifier.terms(notes("h", HELD, false)).cache();
    FitSettings settings = new FitSettings(1e-3, ClassWeight.NONE, 0.5, 0);
    TrainedClassifier fresh = classifier.fitTerms(real.unionByName(synthetic.where(col("id").notEqual("s2"))),
        settings);
    double[][] alone = fresh.predictTerms(held).topProbabilities();
    try (TrainingFeatures features = classifier.features(real.unionByName(synthetic))) {
      features.fit(settings.withClassWeight(ClassWeight.BALANCED));
      TrainedClassifier some = features.fit(settings, not(col(IcdClassifier.SYNTHETIC)).or(col("id").isin("s0",
          "s1")));
      double[][] started = some.predictTerms(held).topProbabilities();
      for (int n = 0; n < alone.length; n++) {
        assertThat(started[n]).as("held note %s", n).containsExactly(alone[n], within(1e-4));
      }
      assertThat(some.iterations()).isLessThan(fresh.iterations());
      // Its own end holds every note it keeps, by id: the same fit again has nothing left to do.
      assertThat(features.fit(settings, not(col(IcdClassifier.SYNTHETIC)).or(col("id").isin("s0", "s1")))
          .iterations()).isEqualTo(1);
    }
    real.unpersist();
    synthetic.unpersist();
    held.unpersist();
  }

  private static double[][] probabilities(TrainedClassifier model, Dataset<Row> held) {
    return model.predictTerms(held).topProbabilities();
  }

  @Test
  void aFitOnSomeSyntheticNotesIsTheFitOnThoseNotesAlone() {
    ClassifierConfig config = ConfigLoader.load(null, List.of("evaluate.classifier.char_ngrams.max=4",
        "evaluate.classifier.features_from=real")).evaluate().classifier();
    IcdClassifier classifier = new IcdClassifier(config, 5);
    Dataset<Row> real = classifier.terms(notes("r", NOTES, false)).cache();
    Dataset<Row> synthetic = classifier.terms(notes("s", SYNTHETIC, true)).cache();
    Dataset<Row> held = classifier.terms(notes("h", HELD, false)).cache();
    FitSettings settings = new FitSettings(1e-3, ClassWeight.BALANCED, 0.5, 0);
    Dataset<Row> chosen = synthetic.where(col("id").notEqual("s2"));
    double[][] alone = classifier.fitTerms(real.unionByName(chosen).repartition(3), settings).predictTerms(held)
        .topProbabilities();
    try (TrainingFeatures features = classifier.features(real.unionByName(synthetic).coalesce(1))) {
      TrainedClassifier some = features.fit(settings, not(col(IcdClassifier.SYNTHETIC)).or(col("id").isin("s0",
          "s1")));
      assertThat(some.predictTerms(held).topProbabilities()).isDeepEqualTo(alone);
      // s2 counts: keeping every note fits another model.
      assertThat(features.fit(settings).predictTerms(held).topProbabilities()[2][0]).isNotEqualTo(alone[2][0]);
    }
    real.unpersist();
    synthetic.unpersist();
    held.unpersist();
  }
}
