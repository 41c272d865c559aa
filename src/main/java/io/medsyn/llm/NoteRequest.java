package io.medsyn.llm;

import java.io.Serializable;
import java.util.List;

/**
 * A request for one note.
 *
 * @param fingerprint the hash of everything that determines the answer (template, model, parameters, prior, seed):
 *     the key under which a response is kept, so a re-run never pays for it again
 */
public record NoteRequest(String fingerprint, List<ChatMessage> messages, GenerationParams params, NoteTask task)
    implements Serializable {}
