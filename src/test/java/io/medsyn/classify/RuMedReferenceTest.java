package io.medsyn.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.config.ConfigLoader;
import io.medsyn.corpus.CorpusReader;
import io.medsyn.config.CorpusSpec;
import io.medsyn.testing.SharedData;
import io.medsyn.testing.TestSpark;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The real-only classifier with the default settings (character 3–6-grams within words and word 1–2-grams, each
 * kind TF-IDF weighted and L2-normalised on the real notes, the mean of one-vs-rest and softmax logistic regression
 * with L2 4e-5 solved to its tolerance and complement naive Bayes, codes ranked under prior shift -0.25) on RuMedTop3
 * dev: it converges, and pins its figures, Hit@1 47.9 and Hit@3 71.9 (48.0 before softmax left rows within the
 * tolerance unchanged in a pass, {@code DualSoftmax.SKIP}: one note; without naive Bayes, 47.6 and 72.1; unshifted
 * too, 47.4 and 71.1; the published character 3–8-gram one-vs-rest reference is 46.8 and 71.2; our earlier
 * defaults, 3–8-grams, 46.8 and 71.3, and one norm over all terms, 47.1 and 70.8).
 */
class RuMedReferenceTest {
  private static Dataset<Row> rumed(Path file) {
    return CorpusReader.read(TestSpark.session(), new CorpusSpec("test", file.toString(), "jsonl", "idx", "symptoms",
        "code"));
  }

  @Test
  void realOnlyModelReachesTheReferenceOnDev() {
    TrainedClassifier model = new IcdClassifier(ConfigLoader.defaultConfig().evaluate().classifier(), 1)
        .fit(rumed(SharedData.rumedTrain()));
    Scorer dev = new Scorer(model.predict(rumed(SharedData.rumedDev())));
    System.out.printf("RuMedTop3 dev, real-only: Hit@1 %.1f Hit@3 %.1f macro-F1 %.1f, trained in %.0f s%n",
        100 * dev.hitAt(1), 100 * dev.hitAt(3), 100 * dev.macroF1(), model.trainSeconds());
    assertThat(dev.size()).isEqualTo(848);
    assertThat(model.labels()).hasSize(105);
    assertThat(dev.unseenCodes()).isEmpty();
    assertThat(model.converged()).as("converged in %s of %s passes", model.iterations(), model.maxIter()).isTrue();
    // In dev notes, not rounded percentages: 406 of 848 is the 47.9 printed, 610 the 71.9.
    assertThat(Math.round(dev.hitAt(1) * 848)).isEqualTo(406);
    assertThat(Math.round(dev.hitAt(3) * 848)).isEqualTo(610);
  }
}
