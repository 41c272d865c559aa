package io.medsyn.generate;

import io.medsyn.llm.Backend;
import io.medsyn.llm.BackendFactory;
import io.medsyn.llm.Completion;
import io.medsyn.llm.ErrorClass;
import io.medsyn.llm.GenerationException;
import io.medsyn.llm.NoteRequest;
import io.medsyn.llm.offline.OfflineBackend;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The offline backend wrapped to count the requests it is sent (per name, across the local executor's threads),
 * and optionally to fail some of them or to put a price on them.
 */
final class TestBackends {
  private static final Map<String, AtomicLong> CALLS = new ConcurrentHashMap<>();

  private TestBackends() {}

  static long calls(String name) {
    return CALLS.computeIfAbsent(name, k -> new AtomicLong()).get();
  }

  static BackendFactory counting(String name) {
    return (config, share) -> new Wrapped(name, null, 0.0);
  }

  /** Fails every request whose fingerprint's hash is divisible by 5: about 20 %, the same ones on every run. */
  static BackendFactory failingOneInFive(String name) {
    return (config, share) -> new Wrapped(name, ErrorClass.SERVER, 0.0);
  }

  static BackendFactory refusingTheKey(String name) {
    return (config, share) -> new Wrapped(name, ErrorClass.AUTH, 0.0);
  }

  static BackendFactory priced(String name, double usdPerNote) {
    return (config, share) -> new Wrapped(name, null, usdPerNote);
  }

  static boolean failsOneInFive(String fingerprint) {
    return Math.floorMod(fingerprint.hashCode(), 5) == 0;
  }

  private record Wrapped(String name, ErrorClass failure, double usdPerNote) implements Backend {
    private static final OfflineBackend OFFLINE = new OfflineBackend();

    @Override
    public CompletableFuture<Completion> submit(NoteRequest request) {
      CALLS.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
      if (failure == ErrorClass.AUTH) {
        return CompletableFuture.failedFuture(new GenerationException(ErrorClass.AUTH,
            "http://127.0.0.1:9/v1 answered 401 Unauthorized; set the environment variable MEDSYN_TEST_KEY", 1));
      }
      if (failure != null && failsOneInFive(request.fingerprint())) {
        return CompletableFuture.failedFuture(new GenerationException(failure, "HTTP 503 after 3 attempts", 3));
      }
      return OFFLINE.submit(request).thenApply(c -> new Completion(c.text(), c.finishReason(), c.promptTokens(),
          c.completionTokens(), c.attempts(), c.latencyMs(), c.model(), usdPerNote, false, null));
    }

    @Override
    public String name() {
      return "offline";
    }

    @Override
    public void close() {}
  }
}
