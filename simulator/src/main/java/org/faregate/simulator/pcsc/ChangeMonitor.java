package org.faregate.simulator.pcsc;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import javax.smartcardio.CardException;

/**
 * The one lock of a {@link VirtualTerminals} set and the condition signalled whenever a card enters or
 * leaves a terminal, or exclusive access is released. Everything a waiter may wait for is guarded by it.
 */
final class ChangeMonitor {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** Wakes every waiter; the caller holds the lock. */
    void signalChange() {
        changed.signalAll();
    }

    /**
     * Waits until {@code condition} holds (evaluated under the lock) or the timeout passes.
     *
     * @param timeoutMillis 0 waits for ever, as javax.smartcardio specifies
     * @return whether the condition holds
     */
    boolean await(BooleanSupplier condition, long timeoutMillis) throws CardException {
        requireTimeout(timeoutMillis);
        lock.lock();
        try {
            long remaining = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (!condition.getAsBoolean()) {
                if (timeoutMillis == 0) {
                    changed.await();
                } else if (remaining <= 0) {
                    return false;
                } else {
                    remaining = changed.awaitNanos(remaining);
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardException("interrupted while waiting for a virtual terminal", e);
        } finally {
            lock.unlock();
        }
    }

    /** How many threads are blocked in {@link #await}; lets tests wait until a waiter really waits. */
    int waitingThreads() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(changed);
        } finally {
            lock.unlock();
        }
    }

    static void requireTimeout(long timeoutMillis) {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeoutMillis);
        }
    }
}
