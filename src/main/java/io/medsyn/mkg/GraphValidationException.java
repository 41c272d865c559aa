package io.medsyn.mkg;

/** A graph that cannot be used; the message names the file, the line (or entry) and the bad value. */
public class GraphValidationException extends IllegalArgumentException {
  public GraphValidationException(String message) {
    super(message);
  }
}
