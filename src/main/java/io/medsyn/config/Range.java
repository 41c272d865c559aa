package io.medsyn.config;

import java.io.Serializable;

/** An inclusive integer range such as "2 to 5 symptoms per task". */
public record Range(int min, int max) implements Serializable {
  /** Validates this range as the value of {@code key}. */
  public Range check(String key, int lowest) {
    ConfigException.require(min >= lowest, key + ".min", "an integer >= " + lowest, min);
    ConfigException.require(max >= min, key + ".max", "an integer >= " + key + ".min (" + min + ")", max);
    return this;
  }
}
