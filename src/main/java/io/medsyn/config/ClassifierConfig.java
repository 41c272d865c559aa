package io.medsyn.config;

import java.io.Serializable;
import java.util.List;

/**
 * The ICD-10 text classifier: character n-grams inside word boundaries plus word n-grams, TF-IDF, multinomial
 * logistic regression.
 *
 * @param features {@code vocabulary} (the most frequent terms of the training data) or {@code hashing}
 * @param numFeatures the vocabulary's size cap, or the hashing dimension
 * @param minDf a term must occur in at least this many training notes (vocabulary only)
 * @param regParams L2 strengths; with more than one, {@code cvFolds}-fold cross-validation on the training data
 *     picks one (never the evaluation split)
 */
public record ClassifierConfig(Range charNgrams, Range wordNgrams, String features, int numFeatures, int minDf,
    boolean binaryTf, List<Double> regParams, int cvFolds, int maxIter, double tol) implements Serializable {
  public static final List<String> FEATURES = List.of("vocabulary", "hashing");

  public ClassifierConfig {
    ConfigException.require(charNgrams != null, "evaluate.classifier.char_ngrams", "a {min, max} range", null);
    ConfigException.require(wordNgrams != null, "evaluate.classifier.word_ngrams", "a {min, max} range", null);
    charNgrams.check("evaluate.classifier.char_ngrams", 1);
    wordNgrams.check("evaluate.classifier.word_ngrams", 1);
    ConfigException.require(FEATURES.contains(features), "evaluate.classifier.features", "one of " + FEATURES,
        features);
    ConfigException.require(numFeatures >= 16, "evaluate.classifier.num_features", "an integer >= 16",
        numFeatures);
    ConfigException.require(minDf >= 1, "evaluate.classifier.min_df", "an integer >= 1", minDf);
    regParams = regParams == null ? List.of() : List.copyOf(regParams);
    ConfigException.require(!regParams.isEmpty() && regParams.stream().allMatch(r -> r != null && r >= 0),
        "evaluate.classifier.reg_params", "a non-empty list of numbers >= 0", regParams);
    ConfigException.require(cvFolds >= 2, "evaluate.classifier.cv_folds", "an integer >= 2", cvFolds);
    ConfigException.require(maxIter >= 1, "evaluate.classifier.max_iter", "an integer >= 1", maxIter);
    ConfigException.require(tol > 0, "evaluate.classifier.tol", "a number > 0", tol);
  }

  public ClassifierConfig withRegParams(List<Double> values) {
    return new ClassifierConfig(charNgrams, wordNgrams, features, numFeatures, minDf, binaryTf, values, cvFolds,
        maxIter, tol);
  }
}
