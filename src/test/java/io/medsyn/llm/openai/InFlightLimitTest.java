package io.medsyn.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {
  @Test
  void slotsBeyondTheBoundWaitAndRetriesGoFirst() {
    InFlightLimit limit = new InFlightLimit(2);
    assertThat(limit.acquire(false)).isDone();
    assertThat(limit.acquire(false)).isDone();
    CompletableFuture<Void> fresh = limit.acquire(false);
    CompletableFuture<Void> retry = limit.acquire(true);
    assertThat(fresh).isNotDone();
    assertThat(retry).isNotDone();

    limit.release();

    assertThat(retry).isDone();
    assertThat(fresh).isNotDone();
    limit.release();
    assertThat(fresh).isDone();
    assertThat(limit.inFlight()).isEqualTo(2);
  }

  @Test
  void rateLimitHalvesOncePerRoundAndSuccessesCreepBack() {
    InFlightLimit limit = new InFlightLimit(32);
    long sentBefore = System.nanoTime();

    assertThat(limit.onRateLimited(sentBefore)).isTrue();
    // Other answers to requests sent before that halving carry no news.
    assertThat(limit.onRateLimited(sentBefore)).isFalse();
    assertThat(limit.bound()).isEqualTo(16);
    assertThat(limit.onRateLimited(System.nanoTime())).isTrue();
    assertThat(limit.bound()).isEqualTo(8);

    for (int i = 0; i < 8; i++) {
      limit.onSuccess();
    }
    assertThat(limit.bound()).isEqualTo(8);
    limit.onSuccess();
    assertThat(limit.bound()).isEqualTo(9);
    for (int i = 0; i < 10_000; i++) {
      limit.onSuccess();
    }
    assertThat(limit.bound()).isEqualTo(32);
  }

  @Test
  void boundNeverFallsBelowOneAndALoweredBoundHoldsBackWaiters() {
    InFlightLimit limit = new InFlightLimit(4);
    List<CompletableFuture<Void>> held = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      held.add(limit.acquire(false));
    }
    for (int i = 0; i < 5; i++) {
      limit.onRateLimited(System.nanoTime());
    }
    assertThat(limit.bound()).isEqualTo(1);
    CompletableFuture<Void> waiting = limit.acquire(false);

    limit.release();
    limit.release();
    limit.release();
    assertThat(waiting).isNotDone();
    limit.release();
    assertThat(waiting).isDone();
    assertThat(held).allMatch(CompletableFuture::isDone);
  }

  @Test
  void failingTheWaitersLeavesTheHoldersAlone() {
    InFlightLimit limit = new InFlightLimit(1);
    CompletableFuture<Void> holder = limit.acquire(false);
    CompletableFuture<Void> waiter = limit.acquire(false);

    limit.failWaiting(new IllegalStateException("closed"));

    assertThat(holder).isCompleted();
    assertThat(waiter).isCompletedExceptionally();
    assertThat(limit.inFlight()).isEqualTo(1);
  }
}
