package io.medsyn.llm.openai;

import io.medsyn.config.ConfigException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.medsyn.Checks;
import io.medsyn.llm.Backend;
import io.medsyn.llm.Completion;
import io.medsyn.llm.ErrorClass;
import io.medsyn.llm.GenerationException;
import io.medsyn.llm.NoteRequest;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes from an OpenAI-compatible chat endpoint (OpenAI, vLLM, llama.cpp server, ...), one instance per Spark task.
 *
 * <p><b>Shares.</b> The generate stage runs S Spark tasks at once, each with its own backend, and gives each
 * {@code share = 1/S}: a backend keeps to {@code share} of {@code requests_per_minute} and {@code tokens_per_minute}
 * over every window of {@code rate_window_seconds}, so the endpoint sees at most the configured limits across the
 * whole cluster without the tasks talking to each other. (A task whose share is below two requests per window
 * cannot be limited and is refused at construction; run fewer tasks at once.)
 *
 * <p><b>Per request</b>, in this order: an in-flight slot (at most {@code max_in_flight}, halved after a 429 and
 * raised again by successes, see {@link InFlightLimit}), the circuit breaker's permission, the tokens limiter (the
 * prompt's characters / 4 + max_tokens, charged again for what the answer used beyond that), the requests limiter,
 * then the asynchronous HTTP call, which checks the limits once more at the moment of sending (see
 * {@link RateLimits}). No thread blocks while a request waits for its turn: one task keeps dozens open.
 *
 * <p><b>Failures.</b> 429, 5xx, timeouts and connection errors are retried with exponential backoff and full jitter,
 * honouring {@code Retry-After}; so are malformed and empty answers, and a truncated one ({@code finish_reason=length})
 * once. Other 4xx answers fail at once as {@link ErrorClass#BAD_REQUEST}. A 401 or 403 makes the backend
 * {@linkplain #fatal() fatal}: every later request fails at once with {@link ErrorClass#AUTH} without being sent.
 * The circuit breaker (one per backend: per task and endpoint) opens when too many recent attempts failed;
 * requests then fail at once with {@link ErrorClass#CIRCUIT_OPEN} until it lets probes through again. Every
 * failure reaches the caller as a {@link GenerationException} naming the status and endpoint, never the API key.
 *
 * <p>Futures complete on the backend's I/O threads: callers must not block in their continuations.
 */
public final class OpenAiBackend implements Backend {
  private static final Logger LOG = LoggerFactory.getLogger(OpenAiBackend.class);

  private final OpenAiConfig config;
  private final ChatEndpoint endpoint;
  private final RateLimits limits;
  private final InFlightLimit slots;
  private final CircuitBreaker breaker;
  private final Retry retry;
  private final ScheduledExecutorService scheduler;
  private final AtomicReference<GenerationException> fatal = new AtomicReference<>();
  private final Set<CompletableFuture<Completion>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * A backend whose API key is read from the environment variable {@code config.apiKeyEnv()}.
   *
   * @param share this task's fraction of the job's limits, in (0, 1]: 1/S for S tasks calling at once
   * @throws IllegalStateException if that variable is named but not set
   */
  public OpenAiBackend(OpenAiConfig config, double share) {
    this(config, share, keyFromEnvironment(config));
  }

  /**
   * A backend with the API key given by the caller (for instance read from Spark conf on the executor).
   *
   * @param share this task's fraction of the job's limits, in (0, 1]: 1/S for S tasks calling at once
   * @param apiKey sent as {@code Authorization: Bearer}; null or empty to send none
   */
  public OpenAiBackend(OpenAiConfig config, double share, String apiKey) {
    Checks.checkArgument(share > 0 && share <= 1, "share must be in (0, 1] (1/S for S concurrent tasks), got %s",
        share);
    this.config = config;
    this.limits = RateLimits.forShare(config, share);
    this.slots = new InFlightLimit(config.maxInFlight());
    this.endpoint = new ChatEndpoint(config, apiKey, limits);
    this.breaker = CircuitBreaker.of("openai", CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(config.circuitWindowSize())
        .minimumNumberOfCalls(config.circuitWindowSize())
        .failureRateThreshold(config.circuitFailureRatePercent())
        .waitDurationInOpenState(OpenAiConfig.duration(config.circuitOpenSeconds()))
        .permittedNumberOfCallsInHalfOpenState(Math.min(3, config.circuitWindowSize()))
        // A long note is slow, not a failure: only timeouts (recorded as errors) count against the endpoint.
        .slowCallRateThreshold(100)
        .slowCallDurationThreshold(OpenAiConfig.duration(config.callTimeoutSeconds()).plusSeconds(1))
        .build());
    breaker.getEventPublisher().onStateTransition(event ->
        LOG.warn("circuit breaker for POST {}: {}", endpoint.url(), event.getStateTransition()));
    Backoff backoff = new Backoff(config.backoffBaseMs(), config.backoffMaxMs(),
        OpenAiConfig.duration(config.retryAfterMaxSeconds()));
    IntervalBiFunction<Completion> interval = (failedAttempts, outcome) ->
        backoff.delayMs(failedAttempts, (AttemptFailure) outcome.getLeft());
    this.retry = Retry.of("openai", RetryConfig.<Completion>custom()
        .maxAttempts(config.maxAttempts())
        .retryOnException(error -> error instanceof AttemptFailure failure && failure.retryable())
        .intervalBiFunction(interval)
        .failAfterMaxAttempts(false)
        .build());
    retry.getEventPublisher().onRetry(event -> LOG.debug("attempt {} failed, retrying in {} ms: {}",
        event.getNumberOfRetryAttempts(), event.getWaitInterval().toMillis(), event.getLastThrowable().getMessage()));
    this.scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "medsyn-openai-timer");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public CompletableFuture<Completion> submit(NoteRequest request) {
    GenerationException refusal = refusal();
    if (refusal != null) {
      return CompletableFuture.failedFuture(refusal);
    }
    RequestAttempts attempts = new RequestAttempts(request);
    CompletableFuture<Completion> result = new CompletableFuture<>();
    pending.add(result);
    retry.executeCompletionStage(scheduler, attempts::next).whenComplete((completion, error) -> {
      pending.remove(result);
      if (error == null) {
        result.complete(completion);
      } else {
        result.completeExceptionally(generationException(error, attempts.sent.get()));
      }
    });
    return result;
  }

  @Override
  public String name() {
    return "openai";
  }

  /**
   * The error that made this backend refuse all further requests (a 401 or 403), if one came. The generate stage
   * does not ask: the refused request's {@code GenerationStoppedException} stops the run.
   */
  public Optional<GenerationException> fatal() {
    return Optional.ofNullable(fatal.get());
  }

  /** How many requests may be open at once now: {@code max_in_flight}, or less after 429 answers. */
  public int inFlightBound() {
    return slots.bound();
  }

  /** The configured bound: the stage keeps that many outstanding; past the current (AIMD) bound they queue here. */
  @Override
  public int maxInFlight() {
    return config.maxInFlight();
  }

  /** Fails every request still under way; the backend refuses new ones afterwards. */
  @Override
  public void close() {
    closed = true;
    GenerationException stop = refusal();
    slots.failWaiting(AttemptFailure.of(ErrorClass.INTERNAL, stop.getMessage()));
    scheduler.shutdownNow();
    limits.close();
    endpoint.close();
    for (CompletableFuture<Completion> future : pending) {
      future.completeExceptionally(stop);
    }
    pending.clear();
  }

  /** The attempts of one request: Retry calls {@link #next} for each. */
  private final class RequestAttempts {
    private final NoteRequest request;
    private final int estimatedTokens;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger truncations = new AtomicInteger();

    RequestAttempts(NoteRequest request) {
      this.request = request;
      int maxTokens = request.params() == null ? config.maxTokens() : request.params().maxTokens();
      this.estimatedTokens = ChatEndpoint.estimatePromptTokens(request.messages()) + maxTokens;
    }

    CompletionStage<Completion> next() {
      boolean isRetry = started.getAndIncrement() > 0;
      return slots.acquire(isRetry).thenCompose(granted -> {
        CompletableFuture<Completion> attempt;
        try {
          attempt = withSlot();
        } catch (RuntimeException e) {
          attempt = CompletableFuture.failedFuture(e);
        }
        return attempt.whenComplete((completion, error) -> slots.release());
      });
    }

    private CompletableFuture<Completion> withSlot() {
      CompletableFuture<Completion> refused = refusedAttempt();
      if (refused != null) {
        return refused;
      }
      if (!breaker.tryAcquirePermission()) {
        return CompletableFuture.failedFuture(AttemptFailure.of(ErrorClass.CIRCUIT_OPEN, "circuit breaker for POST "
            + endpoint.url() + " is open: over " + config.circuitFailureRatePercent() + "% of the last "
            + config.circuitWindowSize() + " attempts failed (generate.openai.circuit_*); not sent"));
      }
      return delay(limits.reserveTokens(estimatedTokens))
          .thenCompose(ready -> delay(limits.reserveRequest()))
          .thenCompose(ready -> {
            CompletableFuture<Completion> refusedLate = refusedAttempt();
            if (refusedLate != null) {
              breaker.releasePermission();
              return refusedLate;
            }
            return exchange();
          });
    }

    private CompletableFuture<Completion> exchange() {
      int attempt = sent.incrementAndGet();
      long sentNanos = System.nanoTime();
      return endpoint.send(request, attempt, estimatedTokens).handle((completion, error) -> {
        long nanos = System.nanoTime() - sentNanos;
        if (error == null) {
          breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
          slots.onSuccess();
          limits.chargeExtraTokens(completion.promptTokens() + completion.completionTokens() - estimatedTokens);
          return CompletableFuture.completedFuture(completion);
        }
        if (!(unwrap(error) instanceof AttemptFailure sendFailure)) {
          breaker.releasePermission();
          return CompletableFuture.<Completion>failedFuture(unwrap(error));
        }
        AttemptFailure failure = sendFailure;
        switch (failure.errorClass()) {
          case SERVER, TIMEOUT, CONNECTION, MALFORMED, INTERNAL -> breaker.onError(nanos, TimeUnit.NANOSECONDS,
              failure);
          case RATE_LIMITED -> {
            breaker.releasePermission();
            if (slots.onRateLimited(sentNanos)) {
              LOG.info("429 from POST {}: at most {} requests in flight now", endpoint.url(), slots.bound());
            }
          }
          case AUTH -> {
            breaker.releasePermission();
            becomeFatal(failure);
          }
          // The endpoint answered properly; the fault is the request's or the model's.
          default -> breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
        if (failure.errorClass() == ErrorClass.TRUNCATED && truncations.incrementAndGet() > 1) {
          failure = failure.notRetryable();
        }
        return CompletableFuture.<Completion>failedFuture(failure);
      }).thenCompose(Function.identity());
    }
  }

  private CompletableFuture<Completion> refusedAttempt() {
    GenerationException refusal = refusal();
    return refusal == null ? null
        : CompletableFuture.failedFuture(AttemptFailure.of(refusal.errorClass(), refusal.getMessage())
            .notRetryable());
  }

  /** Why a request is not even sent: the backend is closed or fatal; null when it may be. */
  private GenerationException refusal() {
    if (closed) {
      return new GenerationException(ErrorClass.INTERNAL,
          "the openai backend for POST " + endpoint.url() + " was closed before the request completed", 0);
    }
    GenerationException stop = fatal.get();
    return stop == null ? null : new GenerationException(ErrorClass.AUTH, "not sent: " + stop.getMessage(), 0);
  }

  private void becomeFatal(AttemptFailure failure) {
    if (fatal.compareAndSet(null, new GenerationException(ErrorClass.AUTH, failure.getMessage(), 1))) {
      LOG.error("{}; refusing every further request", failure.getMessage());
      slots.failWaiting(AttemptFailure.of(ErrorClass.AUTH, "not sent: " + failure.getMessage()).notRetryable());
    }
  }

  private CompletableFuture<Void> delay(long nanos) {
    if (nanos <= 0) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      scheduler.schedule(() -> done.complete(null), nanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(AttemptFailure.of(ErrorClass.INTERNAL, refusal() == null
          ? "the openai backend's timer is stopped" : refusal().getMessage()).notRetryable());
    }
    return done;
  }

  private GenerationException generationException(Throwable error, int sent) {
    Throwable cause = unwrap(error);
    if (cause instanceof AttemptFailure failure) {
      String attempts = sent == 0 ? "" : " [" + sent + (sent == 1 ? " attempt]" : " attempts]");
      return new GenerationException(failure.errorClass(), failure.getMessage() + attempts, sent);
    }
    if (cause instanceof RejectedExecutionException && closed) {
      return refusal();
    }
    String message = endpoint.redact("request to POST " + endpoint.url() + " failed unexpectedly: " + cause);
    // Logged with the stack trace of the cause but never its own text, which has not been redacted.
    IllegalStateException logged = new IllegalStateException(message);
    logged.setStackTrace(cause.getStackTrace());
    LOG.error("internal error", logged);
    return new GenerationException(ErrorClass.INTERNAL, message, sent);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * The API key from the variable {@code generate.openai.api_key_env} names; null when it names none. The driver
   * calls it before the job, so a missing key is one message rather than a failed task on every executor.
   */
  public static String keyFromEnvironment(OpenAiConfig config) {
    if (config.apiKeyEnv().isEmpty()) {
      return null;
    }
    String key = System.getenv(config.apiKeyEnv());
    if (key == null || key.isBlank()) {
      throw new ConfigException("environment variable " + config.apiKeyEnv()
          + " (named by generate.openai.api_key_env) is not set on this machine; export it (on a cluster: "
          + "spark.executorEnv." + config.apiKeyEnv() + "), or set generate.openai.api_key_env to '' for an "
          + "endpoint without a key");
    }
    return key.trim();
  }
}
