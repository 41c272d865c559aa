package io.medsyn.llm;

import java.io.Serializable;

/** One message of a chat prompt: role {@code system}, {@code user} or {@code assistant}. */
public record ChatMessage(String role, String content) implements Serializable {}
