package io.medsyn.config;

import java.io.Serializable;

/**
 * Where the generate stage's prompt templates come from.
 *
 * @param dir a local directory of {@code <kind>.<language>.txt} templates (the form of {@code conf/prompts}); each
 *     one there replaces the built-in template of that name, the others stay built-in. Null: all built-in.
 */
public record PromptsConfig(String dir) implements Serializable {}
