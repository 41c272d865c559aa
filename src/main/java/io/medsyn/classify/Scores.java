package io.medsyn.classify;

/** The headline figures of a model on a set of notes (all of them, a resample, or the notes of a code group). */
public record Scores(long notes, double hit1, double hit3, double macroF1) {}
