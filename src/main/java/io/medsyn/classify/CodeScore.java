package io.medsyn.classify;

/**
 * One code's figures on an evaluation set. {@code hit1} equals {@code recall} by definition; it is kept beside
 * {@code hit3} so that per-code tables read the same as the overall ones.
 *
 * @param support how many evaluation notes carry this code
 * @param precision 0 when the model never predicted the code (scikit-learn's zero_division=0)
 */
public record CodeScore(String code, long support, double precision, double recall, double f1, double hit1,
    double hit3) {}
