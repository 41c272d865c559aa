package io.medsyn.classify;

import io.medsyn.config.ClassifierConfig;
import io.medsyn.config.Range;
import io.medsyn.text.Words;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IDFModel;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * From a note's text to an L2-normalised TF-IDF vector: normalise (lower case, ё→е, punctuation to spaces), split
 * into words, emit character n-grams inside word boundaries (each word padded with one space on both sides, as
 * scikit-learn's {@code char_wb}) and word n-grams, then term frequencies, IDF and L2 normalisation (over all terms,
 * or per kind: see {@link #vectorStages}).
 *
 * <p>The text steps are SQL expressions so that the whole pipeline runs in Spark's engine and saves as a plain
 * MLlib pipeline, with no user code to ship.
 */
public final class TextFeatures {
  public static final String TOKENS = "tokens";
  public static final String TERMS = "terms";
  public static final String FEATURES = "features";
  /** The prefix of a word n-gram term, which no character n-gram (they hold no '=') can start with. */
  private static final String WORD_MARK = "w=";

  private TextFeatures() {}

  /**
   * The normalised form of the string column {@code column}: {@link Words#normalize} in SQL (words of letters and
   * decimal digits, lower case, ё as е, separated by one space); a test holds the two to the same output.
   */
  public static String normalizeSql(String column) {
    return "trim(regexp_replace(translate(lower(" + column + "), 'ё', 'е'), '" + Words.NON_WORD.replace("\\",
        "\\\\") + "', ' '))";
  }

  /** The words of the string column {@code column}, as {@link #normalizeSql} separates them. */
  public static String wordsSql(String column) {
    return "filter(split(" + normalizeSql(column) + ", ' '), w -> w != '')";
  }

  /** Character n-grams of the words in the array column {@code words}, each word padded with spaces. */
  public static String charNgramsSql(String words, Range n) {
    // A word shorter than the smallest n is one term (its padded self), as in scikit-learn's char_wb.
    String padded = "concat(' ', w, ' ')";
    return "flatten(transform(" + words + ", w -> flatten(transform(sequence(" + n.min() + ", greatest(" + n.min()
        + ", least(" + n.max() + ", length(" + padded + ")))), n -> transform(sequence(1, greatest(1, length("
        + padded + ") - n + 1)), i -> substring(" + padded + ", i, n))))))";
  }

  /** Word n-grams of {@code words}, marked {@code w=} so that a word never collides with a character n-gram. */
  public static String wordNgramsSql(String words, Range n) {
    return "flatten(transform(sequence(" + n.min() + ", " + n.max() + "), n -> IF(size(" + words + ") >= n,"
        + " transform(sequence(1, size(" + words + ") - n + 1), i -> concat('" + WORD_MARK
        + "', array_join(slice(" + words + ", i, n), ' '))), array_repeat('', 0))))";
  }

  /** The stateless text steps from {@code textColumn} to the {@link #TERMS} array (nothing to fit). */
  public static List<Transformer> termStages(String textColumn, ClassifierConfig config) {
    SQLTransformer tokens = new SQLTransformer().setStatement("SELECT *, " + wordsSql(textColumn) + " AS " + TOKENS
        + " FROM __THIS__");
    SQLTransformer terms = new SQLTransformer().setStatement("SELECT *, concat(" + charNgramsSql(TOKENS,
        config.charNgrams()) + ", " + wordNgramsSql(TOKENS, config.wordNgrams()) + ") AS " + TERMS
        + " FROM __THIS__");
    return List.of(tokens, terms);
  }

  /**
   * The steps from {@link #TERMS} to the L2-normalised TF-IDF {@link #FEATURES} vector, to fit, with Spark's IDF
   * ln((n+1)/(df+1)); {@link #fitVectors} applies the configured IDF formula. With {@code norm: separate} the
   * character and the word n-grams are two vectors, each L2-normalised, then joined (scikit-learn's FeatureUnion of
   * two TfidfVectorizers): under one norm the many character n-grams leave the words little weight.
   */
  public static List<PipelineStage> vectorStages(ClassifierConfig config) {
    if (config.norm().equals("joint")) {
      return tfIdfL2(TERMS, "", FEATURES, config);
    }
    List<PipelineStage> stages = new ArrayList<>();
    stages.add(new SQLTransformer().setStatement("SELECT *, filter(" + TERMS + ", t -> NOT startswith(t, '"
        + WORD_MARK + "')) AS char_terms, filter(" + TERMS + ", t -> startswith(t, '" + WORD_MARK
        + "')) AS word_terms FROM __THIS__"));
    stages.addAll(tfIdfL2("char_terms", "char_", "char_features", config));
    stages.addAll(tfIdfL2("word_terms", "word_", "word_features", config));
    stages.add(new VectorAssembler().setInputCols(new String[] {"char_features", "word_features"})
        .setOutputCol(FEATURES));
    return stages;
  }

  private static List<PipelineStage> tfIdfL2(String terms, String prefix, String out, ClassifierConfig config) {
    PipelineStage tf = config.features().equals("hashing")
        ? new HashingTF().setInputCol(terms).setOutputCol(prefix + "tf").setNumFeatures(config.numFeatures())
            .setBinary(config.binaryTf())
        : new CountVectorizer().setInputCol(terms).setOutputCol(prefix + "tf").setVocabSize(config.numFeatures())
            .setMinDF(config.minDf()).setBinary(config.binaryTf());
    IDF idf = new IDF().setInputCol(prefix + "tf").setOutputCol(prefix + "tfidf");
    Normalizer l2 = new Normalizer().setInputCol(prefix + "tfidf").setOutputCol(out).setP(2.0);
    return List.of(tf, idf, l2);
  }

  /**
   * The {@link #vectorStages} fitted on {@code notes} (a {@link #TERMS} column). With {@code idf: smooth} the IDF
   * is scikit-learn's smooth one, ln((n+1)/(df+1)) + 1 = Spark's + 1, applied as a plain MLlib element-wise
   * product so that the model still saves as a stock pipeline: common terms keep a weight and weights are flatter.
   */
  public static PipelineModel fitVectors(Dataset<Row> notes, ClassifierConfig config) {
    PipelineModel spark = new Pipeline().setStages(vectorStages(config).toArray(PipelineStage[]::new)).fit(notes);
    if (config.idf().equals("spark")) {
      return spark;
    }
    PipelineStage[] stages = new PipelineStage[spark.stages().length];
    for (int s = 0; s < stages.length; s++) {
      stages[s] = spark.stages()[s] instanceof IDFModel idf ? smooth(idf) : spark.stages()[s];
    }
    // Only transformers: fitting assembles them and runs no job.
    return new Pipeline().setStages(stages).fit(notes);
  }

  private static ElementwiseProduct smooth(IDFModel idf) {
    double[] weights = idf.idf().toArray();
    for (int i = 0; i < weights.length; i++) {
      weights[i] += 1;
    }
    return new ElementwiseProduct().setInputCol(idf.getInputCol()).setOutputCol(idf.getOutputCol())
        .setScalingVec(Vectors.dense(weights));
  }
}
