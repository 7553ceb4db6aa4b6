package com.nettoria.ui.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeysTest {

    @Test
    void acceptsVisibleAsciiKeysUpTo255Characters() {
        assertThat(IdempotencyKeys.require("3f1c2a9e-5b8d-4e1f-9a7c-2d6b8e0f1a3c")).isNotBlank();
        assertThat(IdempotencyKeys.require("x".repeat(255))).hasSize(255);
    }

    @Test
    void refusesMissingBlankOverlongOrNonAsciiKeysNamingTheHeader() {
        for (String bad : new String[]{null, "", " ", "has space", "x".repeat(256), "kéy"}) {
            assertThatThrownBy(() -> IdempotencyKeys.require(bad))
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                        assertThat(problem.field()).isEqualTo("Idempotency-Key");
                        assertThat(problem.status().value()).isEqualTo(400);
                    });
        }
    }

    @Test
    void fingerprintsDifferWhenAnyPartDiffers() {
        String base = IdempotencyKeys.fingerprint("DEPOSIT", "10.00", "USD", "top-up");
        assertThat(IdempotencyKeys.fingerprint("DEPOSIT", "10.00", "USD", "top-up")).isEqualTo(base);
        assertThat(IdempotencyKeys.fingerprint("WITHDRAWAL", "10.00", "USD", "top-up")).isNotEqualTo(base);
        assertThat(IdempotencyKeys.fingerprint("DEPOSIT", "10.01", "USD", "top-up")).isNotEqualTo(base);
        assertThat(IdempotencyKeys.fingerprint("DEPOSIT", "10.00", "USD", null)).isNotEqualTo(base);
        assertThat(IdempotencyKeys.fingerprint("DEPOSIT", "10.00", "USD", "")).isNotEqualTo(
                IdempotencyKeys.fingerprint("DEPOSIT", "10.00", "USD", null));
        // parts are length-prefixed, so moving a boundary changes the fingerprint
        assertThat(IdempotencyKeys.fingerprint("ab", "c")).isNotEqualTo(IdempotencyKeys.fingerprint("a", "bc"));
    }

    @Test
    void onlyLostRacesForTheSameAggregateAreRetried() {
        assertThat(WebConfiguration.isConcurrencyConflict(new ConcurrencyException("seq taken"))).isTrue();
        assertThat(WebConfiguration.isConcurrencyConflict(
                new RuntimeException(new AggregateStreamCreationException("exists")))).isTrue();
        assertThat(WebConfiguration.isConcurrencyConflict(
                new CommandExecutionException("insufficient funds", null))).isFalse();
        assertThat(WebConfiguration.isConcurrencyConflict(new IllegalStateException("boom"))).isFalse();
    }
}
