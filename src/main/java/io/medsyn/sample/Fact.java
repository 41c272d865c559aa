package io.medsyn.sample;

import java.io.Serializable;

/** A fact a task may carry: the vertex id, its Russian and English text, and its edge weight. */
public record Fact(String id, String ru, String en, double weight) implements Serializable {}
