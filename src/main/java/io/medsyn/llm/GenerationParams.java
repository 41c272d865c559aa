package io.medsyn.llm;

import java.io.Serializable;

/** The sampling parameters of one request; part of the request fingerprint. {@code seed} may be null. */
public record GenerationParams(String model, double temperature, int maxTokens, Long seed) implements Serializable {}
