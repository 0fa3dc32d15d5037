package org.lexgate.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class EmergencyFirstTest {

    @Test
    void routineWorkWaitsWhileAnEmergencyIsBeingAcceptedAndGoesOnWhenItIsAnswered() throws Exception {
        EmergencyFirst gate = new EmergencyFirst(Duration.ofMinutes(1));
        gate.started();
        Thread routine = new Thread(gate::yieldToEmergencies, "routine");
        routine.start();
        awaitState(routine, Thread.State.TIMED_WAITING);

        assertThat(routine.isAlive()).as("held back while the emergency is in flight").isTrue();
        gate.finished();
        routine.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(routine.isAlive()).as("released once the emergency is answered").isFalse();
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void routineWorkWaitsForEveryEmergencyInFlight() throws Exception {
        EmergencyFirst gate = new EmergencyFirst(Duration.ofMinutes(1));
        gate.started();
        gate.started();
        Thread routine = new Thread(gate::yieldToEmergencies, "routine");
        routine.start();
        awaitState(routine, Thread.State.TIMED_WAITING);

        gate.finished();
        assertThat(gate.inFlight()).isEqualTo(1);
        Thread.State afterFirst = routine.getState();
        gate.finished();
        routine.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(afterFirst).as("still waiting for the second emergency").isEqualTo(Thread.State.TIMED_WAITING);
        assertThat(routine.isAlive()).isFalse();
    }

    @Test
    void aRoutineItemWaitsAtMostTheBoundSoEmergenciesSlowRoutineTrafficButNeverStopIt() throws Exception {
        EmergencyFirst gate = new EmergencyFirst(Duration.ofMillis(50));
        gate.started(); // never finished

        CompletableFuture<Void> routine = CompletableFuture.runAsync(gate::yieldToEmergencies);

        routine.get(10, TimeUnit.SECONDS);
        assertThat(gate.inFlight()).isEqualTo(1);
    }

    @Test
    void withoutEmergenciesRoutineWorkDoesNotWaitAndExtraFinishesAreHarmless() throws Exception {
        EmergencyFirst gate = new EmergencyFirst(Duration.ofMinutes(1));
        gate.finished();
        assertThat(gate.inFlight()).isZero();

        CompletableFuture.runAsync(gate::yieldToEmergencies).get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> new EmergencyFirst(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != state && System.nanoTime() < deadline) {
            Thread.sleep(5); // polling a thread's state, bounded by the deadline
        }
        assertThat(thread.getState()).isEqualTo(state);
    }
}
