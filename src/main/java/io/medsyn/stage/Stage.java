package io.medsyn.stage;

/**
 * One step of a run, the front door to its package: it reads the tables before it, calls its package's pure
 * Dataset functions, writes its own tables and returns an immutable summary. {@link #name()} is the stage's one
 * name: its CLI verb, its package, its configuration section and its name in the docs.
 */
public interface Stage<R> {
  String name();

  R run(RunContext context);
}
