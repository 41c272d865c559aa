package io.medsyn.evaluate;

/** Synthetic notes were written in the style of evaluation notes: the experiment would score on leaked data. */
public class LeakageException extends IllegalArgumentException {
  public LeakageException(String message) {
    super(message);
  }
}
