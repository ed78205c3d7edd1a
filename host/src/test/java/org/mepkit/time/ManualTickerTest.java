package org.mepkit.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ManualTickerTest {

    @Test
    void timeMovesOnlyWhenAdvanced() {
        ManualTicker ticker = new ManualTicker();
        Deadline deadline = ticker.deadlineAfter(Duration.ofMillis(10));
        assertFalse(deadline.expired());
        assertEquals(Duration.ofMillis(10), deadline.remaining());
        ticker.advance(Duration.ofMillis(10));
        assertTrue(deadline.expired());
        assertEquals(Duration.ZERO, deadline.remaining());
    }

    @Test
    void aBlockingWaitEndsWhenAnotherThreadAdvancesPastTheDeadline() throws Exception {
        ManualTicker ticker = new ManualTicker();
        long deadline = ticker.nanoTime() + Duration.ofSeconds(5).toNanos();
        Thread waiter = new Thread(() -> {
            try {
                ticker.waitUntil(deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        ticker.advance(Duration.ofSeconds(4));
        waiter.join(200);
        assertTrue(waiter.isAlive(), "still waiting at 4 s of 5 s");
        ticker.advance(Duration.ofSeconds(1));
        waiter.join(5_000);
        assertFalse(waiter.isAlive(), "woke at 5 s");
    }

    @Test
    void anAutoAdvancingWaitJumpsTimeToTheDeadline() throws Exception {
        ManualTicker ticker = ManualTicker.autoAdvancing();
        ticker.waitFor(Duration.ofSeconds(13));
        assertEquals(Duration.ofSeconds(13), ticker.elapsed());
    }
}
