package io.medsyn.llm;

import io.medsyn.config.GenerateConfig;
import java.io.Serializable;

/**
 * Makes the backend of one Spark task; shipped to executors, hence serializable. {@link Backends#create} is the
 * one the pipeline uses; tests wrap it to count or fail requests.
 */
@FunctionalInterface
public interface BackendFactory extends Serializable {
  /** @param share this task's share of the run's rate and concurrency limits (1/slots) */
  Backend create(GenerateConfig config, double share);
}
