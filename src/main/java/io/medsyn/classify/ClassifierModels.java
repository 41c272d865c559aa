package io.medsyn.classify;

import io.medsyn.config.ClassifierConfig;
import io.medsyn.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The registry of {@link ClassifierModel}s, by name: one line per model type. */
public final class ClassifierModels {
  private static final ClassifierModel ONE_VS_REST = new LinearLogisticType("one_vs_rest", new OneVsRest(), true);
  private static final ClassifierModel SOFTMAX = new LinearLogisticType("softmax", new DualSoftmax(), true);
  /**
   * Smoothing 0.1 had the best cross-validated Hit@1 of the three-model mean on RuMedTop3 train, of 0.001 to 0.3
   * (README, Benchmarks). Naive Bayes has no penalty for feature copies to share weight through, so it counts every
   * note as it is.
   */
  private static final ClassifierModel COMPLEMENT_NB = new LinearLogisticType("complement_nb",
      new ComplementNaiveBayes(0.1), false);
  private static final Map<String, ClassifierModel> MODELS = register(ONE_VS_REST, SOFTMAX, COMPLEMENT_NB,
      new MeanOfModels("one_vs_rest_and_softmax", ONE_VS_REST, SOFTMAX),
      new MeanOfModels("one_vs_rest_softmax_and_complement_nb", ONE_VS_REST, SOFTMAX, COMPLEMENT_NB),
      new MultinomialType());

  private ClassifierModels() {}

  private static Map<String, ClassifierModel> register(ClassifierModel... models) {
    Map<String, ClassifierModel> byName = new LinkedHashMap<>();
    for (ClassifierModel model : models) {
      byName.put(model.name(), model);
    }
    return byName;
  }

  public static Set<String> names() {
    return MODELS.keySet();
  }

  /** The model type {@code name}; a name not registered is a configuration error naming the choices. */
  public static ClassifierModel named(String name) {
    ClassifierModel model = MODELS.get(name);
    ConfigException.require(model != null, "evaluate.classifier.model", "one of " + names(), name);
    return model;
  }

  /** The model type {@code config} names, having checked ({@link ClassifierModel#check}) that it can fit it. */
  public static ClassifierModel checked(ClassifierConfig config) {
    ClassifierModel model = named(config.model());
    model.check(config);
    return model;
  }
}
