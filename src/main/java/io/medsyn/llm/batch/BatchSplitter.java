package io.medsyn.llm.batch;

import io.medsyn.llm.NoteRequest;
import io.medsyn.llm.openai.ChatCompletions;
import io.medsyn.llm.openai.OpenAiConfig;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Cuts the queue of requests to send into batch files under the provider's limits: requests per file, bytes per
 * file, and the prompt tokens that may be enqueued for the model at once.
 */
final class BatchSplitter {
  /** A request waiting to go out, and how many batches it will have gone out in. */
  record Queued(NoteRequest request, int attempt) {}

  /** The next batch file: its requests (all of the same attempt), its JSONL bytes and estimated prompt tokens. */
  record Chunk(List<Queued> requests, byte[] jsonl, long promptTokens) {}

  private final OpenAiConfig openai;
  private final BatchSettings settings;

  BatchSplitter(OpenAiConfig openai, BatchSettings settings) {
    this.openai = openai;
    this.settings = settings;
  }

  /**
   * Takes the next chunk from the head of {@code queue}, or null when the head does not fit in {@code tokenRoom}.
   * Requests of one chunk share an attempt number, so that a batch's ledger entry says how often its requests went
   * out. A request larger than the whole token limit goes alone when nothing else is enqueued
   * ({@code tokenRoom == enqueued_tokens}), so the run never stalls.
   *
   * @param tokenRoom prompt tokens the enqueued-tokens limit has room for now; ignored without a limit
   */
  Chunk next(Deque<Queued> queue, long tokenRoom) {
    boolean limited = settings.enqueuedTokens() > 0;
    ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
    List<Queued> taken = new ArrayList<>();
    long tokens = 0;
    while (!queue.isEmpty() && taken.size() < settings.maxRequestsPerBatch()) {
      Queued head = queue.peekFirst();
      if (!taken.isEmpty() && head.attempt() != taken.get(0).attempt()) {
        break;
      }
      byte[] line = BatchLines.request(openai, head.request());
      long headTokens = ChatCompletions.estimatePromptTokens(head.request().messages());
      boolean alone = taken.isEmpty() && tokenRoom >= settings.enqueuedTokens();
      if (jsonl.size() + line.length > settings.maxBytesPerBatch() && !taken.isEmpty()
          || limited && tokens + headTokens > tokenRoom && !alone) {
        break;
      }
      if (jsonl.size() + line.length > settings.maxBytesPerBatch()) {
        throw new IllegalArgumentException("generate.openai_batch.max_bytes_per_batch: one request takes "
            + line.length + " bytes, more than the limit of " + settings.maxBytesPerBatch() + "; raise it");
      }
      queue.pollFirst();
      jsonl.writeBytes(line);
      taken.add(head);
      tokens += headTokens;
    }
    return taken.isEmpty() ? null : new Chunk(taken, jsonl.toByteArray(), tokens);
  }
}
