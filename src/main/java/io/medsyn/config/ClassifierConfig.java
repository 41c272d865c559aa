package io.medsyn.config;

import java.io.Serializable;
import java.util.List;

/**
 * The ICD-10 text classifier: character n-grams inside word boundaries plus word n-grams, TF-IDF, then a linear
 * model from the classifier registry.
 *
 * @param model the model type's registered name ({@code one_vs_rest}, {@code softmax}, {@code complement_nb},
 *     {@code one_vs_rest_and_softmax}, {@code one_vs_rest_softmax_and_complement_nb}, {@code mllib_multinomial})
 * @param features {@code vocabulary} (the most frequent terms of the training data) or {@code hashing}
 * @param numFeatures the vocabulary's size cap, or the hashing dimension
 * @param minDf a term must occur in at least this many notes (vocabulary only)
 * @param idf {@code spark}: ln((n+1)/(df+1)), or {@code smooth}: scikit-learn's ln((n+1)/(df+1)) + 1
 * @param norm {@code joint}: one L2 norm over all terms; {@code separate}: the character and the word n-grams
 *     each have their own, so words keep weight beside the many character n-grams
 * @param featuresFrom {@code real}: vocabulary and IDF are fitted on the real training notes only, so synthetic
 *     notes cannot push real notes' terms out; {@code all}: on every training note
 * @param adaptDomains whether a fit with synthetic notes gives every feature three copies, one shared and one per
 *     kind of note (real, synthetic), as in Daumé's "frustratingly easy" domain adaptation: what only the synthetic
 *     notes say (their template's wording) can settle in their own copy instead of the weights real notes are scored
 *     with. The fitted model keeps one weight per feature (shared plus real), so predicting is unchanged, and a fit
 *     without synthetic notes is the plain one (linear logistic models only)
 * @param regParams L2 strengths on the weighted mean loss; with several, cross-validation on the real training
 *     notes picks one (never the evaluation split)
 * @param classWeights the mixtures' class weightings ({@link ClassWeight}: {@code none}, {@code balanced},
 *     or {@code balanced^P}, 0 < P < 1); with several, cross-validation picks one by {@code selectBy}. The
 *     real-only controls are fitted with {@code none} and with {@code balanced} whatever this says
 * @param syntheticWeights the weight of a synthetic note relative to a real one; with several, cross-validation
 *     picks one
 * @param priorShifts the prior shift τ of predictions: codes are ranked by p(c|note)·π_c^τ, renormalised, where π_c
 *     is the code's share of the fit's real training notes (add-one smoothed). 0 keeps the model's probabilities; τ > 0
 *     favours frequent codes (taking back some of a class weighting), τ < 0 rare ones. With several, cross-validation
 *     picks one for the plain real-only control and for the mixtures at no extra fit (the class-weighted control
 *     keeps 0: it shows what weighting alone gives)
 * @param selectBy how cross-validation ranks the mixtures' candidates: {@code hit1}, mean Hit@1; or
 *     {@code all_columns}, the smallest margin over the stronger real-only control across Hit@1, Hit@3, macro-F1 and
 *     rarest-third Hit@1, so that the chosen mixture is the one likeliest to beat both controls everywhere
 * @param maxIter the solver's iteration cap (passes over the data for one_vs_rest and softmax, L-BFGS steps for
 *     MLlib)
 * @param tol the solver's tolerance (largest dual gradient for one_vs_rest; for softmax, the largest L1 distance
 *     of a row's dual share from its predicted probabilities; relative change for MLlib)
 */
public record ClassifierConfig(String model, Range charNgrams, Range wordNgrams, String features, int numFeatures,
    int minDf, boolean binaryTf, String idf, String norm, String featuresFrom, boolean adaptDomains,
    List<Double> regParams, List<String> classWeights, List<Double> syntheticWeights, List<Double> priorShifts,
    String selectBy, int cvFolds, int maxIter, double tol) implements Serializable {
  public static final List<String> FEATURES = List.of("vocabulary", "hashing");
  public static final List<String> IDFS = List.of("spark", "smooth");
  public static final List<String> NORMS = List.of("joint", "separate");
  public static final List<String> FEATURES_FROM = List.of("real", "all");

  public ClassifierConfig {
    ConfigException.require(model != null && !model.isBlank(), "model",
        "a registered model name", model);
    ConfigException.require(charNgrams != null, "char_ngrams", "a {min, max} range", null);
    ConfigException.require(wordNgrams != null, "word_ngrams", "a {min, max} range", null);
    charNgrams.check("char_ngrams", 1);
    wordNgrams.check("word_ngrams", 1);
    ConfigException.require(FEATURES.contains(features), "features", "one of " + FEATURES,
        features);
    ConfigException.require(numFeatures >= 16, "num_features", "an integer >= 16",
        numFeatures);
    ConfigException.require(minDf >= 1, "min_df", "an integer >= 1", minDf);
    ConfigException.require(IDFS.contains(idf), "idf", "one of " + IDFS, idf);
    ConfigException.require(NORMS.contains(norm), "norm", "one of " + NORMS, norm);
    ConfigException.require(FEATURES_FROM.contains(featuresFrom), "features_from",
        "one of " + FEATURES_FROM, featuresFrom);
    regParams = regParams == null ? List.of() : List.copyOf(regParams);
    ConfigException.require(!regParams.isEmpty() && regParams.stream().allMatch(r -> r != null && r > 0),
        "reg_params", "a non-empty list of numbers > 0", regParams);
    classWeights = classWeights == null ? List.of() : List.copyOf(classWeights);
    ConfigException.require(!classWeights.isEmpty(), "class_weights", "a non-empty list of " + ClassWeight.forms(),
        classWeights);
    classWeights.forEach(w -> ClassWeight.named("class_weights", w));
    syntheticWeights = syntheticWeights == null ? List.of() : List.copyOf(syntheticWeights);
    ConfigException.require(!syntheticWeights.isEmpty()
        && syntheticWeights.stream().allMatch(r -> r != null && r > 0), "synthetic_weights",
        "a non-empty list of numbers > 0", syntheticWeights);
    priorShifts = priorShifts == null ? List.of() : List.copyOf(priorShifts);
    ConfigException.require(!priorShifts.isEmpty()
        && priorShifts.stream().allMatch(r -> r != null && Double.isFinite(r)), "prior_shifts",
        "a non-empty list of numbers (0: no shift)", priorShifts);
    SelectBy.named("select_by", selectBy);
    ConfigException.require(cvFolds >= 2, "cv_folds", "an integer >= 2", cvFolds);
    ConfigException.require(maxIter >= 1, "max_iter", "an integer >= 1", maxIter);
    ConfigException.require(tol > 0, "tol", "a number > 0", tol);
  }

  /** The mixtures' class weightings, parsed (the constructor has refused any bad form). */
  public List<ClassWeight> classWeightings() {
    return classWeights.stream().map(w -> ClassWeight.named("class_weights", w)).toList();
  }

  /** How cross-validation ranks the mixtures' candidates, parsed (the constructor has refused any bad name). */
  public SelectBy ranking() {
    return SelectBy.named("select_by", selectBy);
  }
}
