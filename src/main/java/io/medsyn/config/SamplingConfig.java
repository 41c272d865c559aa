package io.medsyn.config;

import java.io.Serializable;

/**
 * The prior-sampling stage: how many tasks, how they are allocated, how many facts of each kind a task carries.
 *
 * @param temperature flattens (above 1) or sharpens (below 1) the edge weights used to draw facts
 */
public record SamplingConfig(long n, int partitions, AllocationConfig allocation, Range symptoms, Range anamnesis,
    Range findings, double temperature, ExamplesConfig examples) implements Serializable {
  public SamplingConfig {
    ConfigException.require(n >= 1, "n", "an integer >= 1", n);
    ConfigException.require(partitions >= 1, "partitions", "an integer >= 1", partitions);
    ConfigException.require(allocation != null, "allocation", "a section", allocation);
    symptoms.check("sample.symptoms", 1);
    anamnesis.check("sample.anamnesis", 0);
    findings.check("sample.findings", 0);
    ConfigException.require(temperature > 0 && Double.isFinite(temperature), "temperature",
        "a number > 0", temperature);
    ConfigException.require(examples != null, "examples", "a section", examples);
    if ("corpus".equals(allocation.counts())) {
      ConfigException.require(examples.path() != null, "examples.path",
          "a corpus path (sample.allocation.counts is 'corpus')", examples.path());
    }
  }
}
