package io.medsyn.llm.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medsyn.llm.ChatMessage;
import io.medsyn.llm.NoteRequest;
import io.medsyn.llm.batch.BatchSplitter.Chunk;
import io.medsyn.llm.batch.BatchSplitter.Queued;
import io.medsyn.llm.openai.OpenAiConfig;
import io.medsyn.llm.openai.OpenAiTestConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batch files stay under every limit: requests, bytes, enqueued tokens; and one attempt number per file. */
class BatchSplitterTest {
  private static final OpenAiConfig OPENAI = OpenAiTestConfig.forServer("http://127.0.0.1:1");

  /** A request of exactly 1000 prompt characters: 251 estimated tokens, a line of over 1 KB. */
  private static Queued request(int i, int attempt) {
    return new Queued(new NoteRequest(String.format("fp-%03d", i), List.of(new ChatMessage("user", "x".repeat(1000))),
        OPENAI.params(), null), attempt);
  }

  private static Deque<Queued> queue(int n, int attempt) {
    Deque<Queued> queue = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      queue.add(request(i, attempt));
    }
    return queue;
  }

  private static BatchSplitter splitter(int requests, long bytes, long tokens) {
    return new BatchSplitter(OPENAI, new BatchSettings(requests, bytes, tokens, 3, 1, 1, "24h", 0.5));
  }

  @Test
  void filesStayUnderTheRequestAndByteLimits() {
    int line = BatchLines.request(OPENAI, request(0, 1).request()).length;
    Deque<Queued> queue = queue(10, 1);
    // Room for 3 lines by bytes, 4 by count: bytes decide.
    Chunk first = splitter(4, 3L * line + line / 2, 0).next(queue, 0);
    assertThat(first.requests()).hasSize(3);
    assertThat(first.jsonl()).hasSize(3 * line);
    assertThat(new String(first.jsonl(), StandardCharsets.UTF_8).lines()).hasSize(3)
        .allMatch(l -> l.startsWith("{\"custom_id\":\"fp-00") && l.contains("\"url\":\"/v1/chat/completions\""));
    assertThat(splitter(2, 1 << 20, 0).next(queue, 0).requests()).extracting(q -> q.request().fingerprint())
        .containsExactly("fp-003", "fp-004");
    assertThat(queue).hasSize(5);
    assertThatThrownBy(() -> splitter(2, 1024, 0).next(queue(1, 1), 0))
        .hasMessageStartingWith("generate.openai_batch.max_bytes_per_batch: one request takes " + line + " bytes");
  }

  @Test
  void theEnqueuedTokensLimitCountsWhatIsAlreadyOut() {
    BatchSplitter splitter = splitter(100, 1 << 20, 1000);
    Deque<Queued> queue = queue(10, 1);
    assertThat(splitter.next(queue, 1000).promptTokens()).isEqualTo(3 * 251);
    // 247 tokens of room left: the next request (251) waits for a batch to end.
    assertThat(splitter.next(queue, 247)).isNull();
    assertThat(splitter.next(queue, 600).requests()).hasSize(2);
    // A request larger than the whole limit goes alone once nothing else is out.
    BatchSplitter tiny = splitter(100, 1 << 20, 100);
    assertThat(tiny.next(queue, 99)).isNull();
    assertThat(tiny.next(queue, 100).requests()).hasSize(1);
  }

  @Test
  void aFileHoldsOneAttemptNumber() {
    Deque<Queued> queue = queue(2, 1);
    queue.add(request(7, 2));
    BatchSplitter splitter = splitter(100, 1 << 20, 0);
    assertThat(splitter.next(queue, 0).requests()).extracting(Queued::attempt).containsExactly(1, 1);
    assertThat(splitter.next(queue, 0).requests()).extracting(Queued::attempt).containsExactly(2);
    assertThat(splitter.next(queue, 0)).isNull();
  }
}
