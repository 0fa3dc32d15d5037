package org.lexgate.gateway.inbound;

import java.time.Duration;
import java.util.Objects;

/**
 * Admission control for §30 (an emergency channel): while a request is being accepted on the
 * emergency intake, routine work that has not started yet waits — the routine intake's workers and
 * the routine processing consumers — so that the emergency gets the processors. A node has few
 * cores and Linux ignores Java thread priorities, so its own listener and workers alone do not keep
 * an emergency from sharing the CPU with a routine flood.
 *
 * <p>Routine work waits at most {@code maxWait} per item, so a stream of emergencies slows routine
 * traffic down but never stops it; work already running is not interrupted.
 */
public final class EmergencyFirst {

    private final long maxWaitNanos;
    private int inFlight;

    /** @param maxWait the longest one routine item waits for emergencies before it goes ahead */
    public EmergencyFirst(Duration maxWait) {
        this.maxWaitNanos = Objects.requireNonNull(maxWait, "maxWait").toNanos();
        if (maxWaitNanos < 0) {
            throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
        }
    }

    /** An emergency starts; routine work waits until every emergency in flight has {@link #finished}. */
    public synchronized void started() {
        inFlight++;
    }

    /** An emergency that {@link #started} is answered (accepted or not). */
    public synchronized void finished() {
        if (inFlight > 0 && --inFlight == 0) {
            notifyAll();
        }
    }

    /** Number of emergencies being accepted now. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /**
     * Called by routine work before it starts: returns at once when no emergency is in flight,
     * otherwise when they are all answered or after {@code maxWait}.
     */
    public void yieldToEmergencies() {
        if (!busy()) {
            return;
        }
        synchronized (this) {
            long deadline = System.nanoTime() + maxWaitNanos;
            long left;
            while (inFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    wait(left / 1_000_000, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private synchronized boolean busy() {
        return inFlight > 0;
    }
}
