package io.medsyn.mkg;

/** A value read from a user's file, with where it came from ("edges.csv:17"), for error messages. */
public record Sourced<T>(T value, String origin) {}
