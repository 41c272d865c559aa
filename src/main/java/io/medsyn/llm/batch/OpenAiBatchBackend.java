package io.medsyn.llm.batch;

import io.medsyn.llm.Completion;
import io.medsyn.llm.DeferredBackend;
import io.medsyn.llm.DeferredResults;
import io.medsyn.llm.ErrorClass;
import io.medsyn.llm.GenerationException;
import io.medsyn.llm.NoteRequest;
import io.medsyn.llm.batch.BatchLines.Answer;
import io.medsyn.llm.batch.BatchSplitter.Chunk;
import io.medsyn.llm.batch.BatchSplitter.Queued;
import io.medsyn.llm.openai.AttemptFailure;
import io.medsyn.llm.openai.OpenAiConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes through the OpenAI Batch API ({@code generate.backend: openai_batch}), driven from the Spark driver: the
 * requests go out as JSONL files under the configured limits ({@link BatchSplitter}), each batch is entered in the
 * {@link BatchLedger} the moment it is created, then the open batches are looked at with a growing pause until
 * they end, and their output and error files are read into notes and classified failures. A failed or expired
 * request goes out again alone, in a later batch, up to {@code max_attempts} batches; what never succeeds is
 * reported failed once. A run that finds batches of an earlier run still open waits for them rather than send
 * their requests again.
 */
public final class OpenAiBatchBackend implements DeferredBackend {
  public static final String NAME = "openai_batch";
  private static final Logger LOG = LoggerFactory.getLogger(OpenAiBatchBackend.class);

  private final OpenAiConfig openai;
  private final BatchSettings settings;
  private final BatchApi api;
  private final BatchLedger ledger;
  private final BatchSplitter splitter;
  private final String runId;

  /**
   * @param ledgerDir where the batches out are remembered across runs (one per output)
   * @param key the API key, or null for an endpoint that needs none
   */
  public OpenAiBatchBackend(OpenAiConfig openai, BatchSettings settings, String key, Configuration hadoop,
      String ledgerDir, String runId) {
    this.openai = openai;
    this.settings = settings;
    this.api = new BatchApi(openai, key);
    this.ledger = new BatchLedger(hadoop, ledgerDir);
    this.splitter = new BatchSplitter(openai, settings);
    this.runId = runId;
  }

  @Override
  public void run(List<NoteRequest> requests, DeferredResults results) {
    drive(requests, results, false);
  }

  @Override
  public void cancel(List<NoteRequest> requests, DeferredResults results) {
    drive(requests, results, true);
  }

  @Override
  public Set<String> outstanding() {
    Set<String> out = new HashSet<>();
    ledger.open().forEach(entry -> out.addAll(entry.fingerprints()));
    return out;
  }

  private void drive(List<NoteRequest> requests, DeferredResults results, boolean cancel) {
    Map<String, NoteRequest> pending = new LinkedHashMap<>();
    requests.forEach(r -> pending.put(r.fingerprint(), r));
    List<BatchLedger.Entry> open = new ArrayList<>(ledger.open());
    Set<String> out = new HashSet<>();
    for (BatchLedger.Entry entry : open) {
      out.addAll(entry.fingerprints());
      if (cancel) {
        cancel(entry);
      }
    }
    if (!open.isEmpty()) {
      LOG.info("{} batch(es) of earlier runs are still open: waiting for them, not sending their requests again",
          open.size());
    }
    Deque<Queued> queue = new ArrayDeque<>();
    long now = System.currentTimeMillis();
    for (NoteRequest request : pending.values()) {
      if (out.contains(request.fingerprint())) {
        continue;
      }
      if (cancel) {
        results.failed(request, new GenerationException(ErrorClass.CANCELLED, "not sent: generate --cancel"
            + " cancelled the run; run generate again to send it", 0), now);
      } else {
        queue.add(new Queued(request, 1));
      }
    }
    double pause = settings.pollSeconds();
    while (true) {
      if (submit(queue, open, results)) {
        pause = settings.pollSeconds();
      }
      if (open.isEmpty() && queue.isEmpty()) {
        return;
      }
      sleep(pause);
      pause = Math.min(settings.pollMaxSeconds(), pause * 1.5);
      for (Iterator<BatchLedger.Entry> it = open.iterator(); it.hasNext(); ) {
        BatchLedger.Entry entry = it.next();
        BatchStatus status = api.get(entry.batchId());
        if (status.ended()) {
          harvest(entry, status, pending, queue, results, cancel);
          results.persist();
          ledger.ended(entry, status.status());
          it.remove();
        }
      }
    }
  }

  /** Asks the provider to cancel a batch; one that ended meanwhile is refused (400) and harvested as it is. */
  private void cancel(BatchLedger.Entry entry) {
    try {
      LOG.info("cancelling batch {}: {}", entry.batchId(), api.cancel(entry.batchId()).status());
    } catch (BatchApiException e) {
      if (e.errorClass() != ErrorClass.BAD_REQUEST) {
        throw e;
      }
      LOG.info("batch {} cannot be cancelled any more ({}); its answers are kept", entry.batchId(), e.getMessage());
    }
  }

  /** Sends batches from the head of the queue while the limits have room; whether it sent any. */
  private boolean submit(Deque<Queued> queue, List<BatchLedger.Entry> open, DeferredResults results) {
    boolean sent = false;
    long room = settings.enqueuedTokens() - open.stream().mapToLong(BatchLedger.Entry::promptTokens).sum();
    while (!queue.isEmpty()) {
      if (results.budgetSpent()) {
        long now = System.currentTimeMillis();
        for (Queued q : queue) {
          results.failed(q.request(), new GenerationException(ErrorClass.BUDGET, "not sent: the run's budget"
              + " (generate.budget_usd) is spent; raise it and run generate again to resume", q.attempt() - 1), now);
        }
        queue.clear();
        return sent;
      }
      Chunk chunk = splitter.next(queue, room);
      if (chunk == null) {
        return sent;
      }
      String name = String.format("medsyn-%s-%d.jsonl", runId, System.nanoTime());
      String fileId = api.upload(name, chunk.jsonl());
      BatchStatus batch = api.create(fileId, settings.completionWindow(), runId);
      BatchLedger.Entry entry = new BatchLedger.Entry(batch.id(), fileId, runId, chunk.requests().get(0).attempt(),
          System.currentTimeMillis(), chunk.promptTokens(),
          chunk.requests().stream().map(q -> q.request().fingerprint()).toList());
      ledger.created(entry);
      LOG.info("created batch {} of {} requests ({} bytes, ~{} prompt tokens, attempt {})", batch.id(),
          chunk.requests().size(), chunk.jsonl().length, chunk.promptTokens(), entry.attempt());
      open.add(entry);
      room -= chunk.promptTokens();
      sent = true;
    }
    return sent;
  }

  /** Reports what an ended batch answered; queues again what failed or expired and has attempts left. */
  private void harvest(BatchLedger.Entry entry, BatchStatus status, Map<String, NoteRequest> pending,
      Deque<Queued> queue, DeferredResults results, boolean cancel) {
    long latencyMs = System.currentTimeMillis() - entry.createdAtMs();
    Map<String, NoteRequest> mine = new HashMap<>();
    for (String fingerprint : entry.fingerprints()) {
      NoteRequest request = pending.get(fingerprint);
      // A request no longer pending was finished by an earlier run that died before marking this batch ended.
      if (request != null) {
        mine.put(fingerprint, request);
      }
    }
    Map<String, Answer> answers = new HashMap<>();
    for (String file : new String[] {status.outputFileId(), status.errorFileId()}) {
      if (file != null) {
        BatchLines.read(api.content(file), entry.batchId(), mine, openai, entry.attempt(), latencyMs, answers);
      }
    }
    LOG.info("batch {} {}: {} answered, {} failed", entry.batchId(), status.status(), status.completed(),
        status.failed());
    int again = 0;
    for (NoteRequest request : mine.values()) {
      Answer answer = answers.getOrDefault(request.fingerprint(), new Answer(null, missing(entry, status)));
      if (answer.completion() != null) {
        Completion c = answer.completion();
        results.ok(request, c.withCost(c.costUsd() * settings.priceFactor()), entry.createdAtMs());
        continue;
      }
      AttemptFailure failure = answer.failure();
      if (failure.retryable() && entry.attempt() < settings.maxAttempts() && !cancel) {
        queue.add(new Queued(request, entry.attempt() + 1));
        again++;
      } else {
        results.failed(request, new GenerationException(failure.errorClass(), failure.getMessage() + " (batch "
            + entry.attempt() + " of at most " + settings.maxAttempts() + ", generate.openai_batch.max_attempts)",
            entry.attempt()), entry.createdAtMs());
      }
    }
    if (again > 0) {
      LOG.info("{} request(s) of batch {} go out again", again, entry.batchId());
    }
  }

  /** Why a request of an ended batch has no line in either file. */
  private static AttemptFailure missing(BatchLedger.Entry entry, BatchStatus status) {
    String what = "batch " + entry.batchId() + " ended " + status.status() + " without a line for the request";
    return switch (status.status()) {
      case "expired" -> AttemptFailure.of(ErrorClass.EXPIRED, what + ": it expired first");
      case "cancelled" -> AttemptFailure.of(ErrorClass.CANCELLED, what + ": it was cancelled first");
      case "failed" -> AttemptFailure.of(ErrorClass.BAD_REQUEST, what + ": the provider refused the batch: "
          + status.errors());
      default -> AttemptFailure.of(ErrorClass.SERVER, what);
    };
  }

  private static void sleep(double seconds) {
    try {
      Thread.sleep((long) (seconds * 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the open batches; run generate again to"
          + " resume waiting", e);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void close() {
    api.close();
  }
}
