package com.nettoria.ui.security.ratelimit;

import com.nettoria.ui.security.MutableClock;
import com.nettoria.ui.security.ratelimit.RateLimitProperties.Policy;
import com.nettoria.ui.security.ratelimit.RateLimitProperties.Refill;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RateLimiterTest {

    private static final String LOGIN = "login-per-account";

    private final MutableClock clock = MutableClock.at(Instant.parse("2025-01-01T00:00:00Z"));

    private RateLimiter limiter(Policy policy) {
        return new RateLimiter(new RateLimitProperties(Map.of(LOGIN, policy)), clock);
    }

    private static Policy fivePerQuarterHour() {
        return new Policy(5, Duration.ofMinutes(15), null, null, null);
    }

    private static void consumeTimes(RateLimiter limiter, String key, int times) {
        for (int i = 0; i < times; i++) {
            limiter.consume(LOGIN, key);
        }
    }

    @Test
    void refusesTheAttemptAfterTheCapacityIsSpentAndSaysWhenTheNextOneIsAllowed() {
        RateLimiter limiter = limiter(fivePerQuarterHour());
        consumeTimes(limiter, "alice", 5);

        RateLimitExceededException refused = catchThrowableOfType(RateLimitExceededException.class,
                () -> limiter.consume(LOGIN, "alice"));

        assertThat(refused).isNotNull();
        assertThat(refused.policy()).isEqualTo(LOGIN);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(3)); // greedy: one attempt every 15m / 5
        assertThat(refused.retryAfterSeconds()).isEqualTo(180);
    }

    @Test
    void givesSpentAttemptsBackEvenlyOverTheRefillPeriod() {
        RateLimiter limiter = limiter(fivePerQuarterHour());
        consumeTimes(limiter, "alice", 5);

        clock.advance(Duration.ofMinutes(3).minusSeconds(1));
        assertThatThrownBy(() -> limiter.consume(LOGIN, "alice")).isInstanceOf(RateLimitExceededException.class)
                .extracting(e -> ((RateLimitExceededException) e).retryAfterSeconds()).isEqualTo(1L);
        clock.advance(Duration.ofSeconds(1));
        limiter.consume(LOGIN, "alice");
        assertThatThrownBy(() -> limiter.consume(LOGIN, "alice")).isInstanceOf(RateLimitExceededException.class);

        clock.advance(Duration.ofMinutes(15));
        consumeTimes(limiter, "alice", 5);
        assertThatThrownBy(() -> limiter.consume(LOGIN, "alice")).isInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void anIntervalPolicyGivesEverythingBackAtOnceWhenThePeriodIsOver() {
        RateLimiter limiter = limiter(new Policy(3, Duration.ofMinutes(15), null, Refill.INTERVAL, null));
        consumeTimes(limiter, "bob", 3);

        RateLimitExceededException refused = catchThrowableOfType(RateLimitExceededException.class,
                () -> limiter.consume(LOGIN, "bob"));
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(15));

        clock.advance(Duration.ofMinutes(15));
        consumeTimes(limiter, "bob", 3);
        assertThatThrownBy(() -> limiter.consume(LOGIN, "bob")).isInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void countsEveryKeyOnItsOwnIgnoringLetterCaseAndSurroundingBlanks() {
        RateLimiter limiter = limiter(fivePerQuarterHour());
        consumeTimes(limiter, "Alice@Example.com", 3);
        consumeTimes(limiter, " alice@example.COM ", 2);

        assertThatThrownBy(() -> limiter.consume(LOGIN, "ALICE@EXAMPLE.COM"))
                .isInstanceOf(RateLimitExceededException.class);
        assertThatCode(() -> limiter.consume(LOGIN, "bob@example.com")).doesNotThrowAnyException();
    }

    @Test
    void resettingAKeyGivesItAFullBucketAgainAndLeavesOtherKeysAlone() {
        RateLimiter limiter = limiter(fivePerQuarterHour());
        consumeTimes(limiter, "alice", 5);
        consumeTimes(limiter, "mallory", 5);

        limiter.reset(LOGIN, "ALICE");

        consumeTimes(limiter, "alice", 5);
        assertThatThrownBy(() -> limiter.consume(LOGIN, "alice")).isInstanceOf(RateLimitExceededException.class);
        assertThatThrownBy(() -> limiter.consume(LOGIN, "mallory")).isInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void remembersAtMostMaxKeysForgettingTheLeastRecentlyUsedFirst() {
        RateLimiter limiter = limiter(new Policy(1, Duration.ofHours(1), null, null, 2));
        limiter.consume(LOGIN, "first");
        limiter.consume(LOGIN, "second");
        assertThatThrownBy(() -> limiter.consume(LOGIN, "first")).isInstanceOf(RateLimitExceededException.class);

        limiter.consume(LOGIN, "third"); // "second" is now the least recently used: forgotten

        assertThat(limiter.size(LOGIN)).isEqualTo(2);
        assertThatThrownBy(() -> limiter.consume(LOGIN, "first")).isInstanceOf(RateLimitExceededException.class);
        assertThatCode(() -> limiter.consume(LOGIN, "second")).doesNotThrowAnyException();
    }

    @Test
    void forgetsKeysLeftAloneUntilTheirBucketIsFullAgain() {
        RateLimiter limiter = limiter(fivePerQuarterHour());
        consumeTimes(limiter, "alice", 5);
        clock.advance(Duration.ofMinutes(10));
        limiter.consume(LOGIN, "bob");

        clock.advance(Duration.ofMinutes(5));

        assertThat(limiter.size(LOGIN)).as("alice's bucket is full again, bob's not yet").isEqualTo(1);
        consumeTimes(limiter, "alice", 5);
    }

    @Test
    void storesAVeryLongKeyAsItsDigestAndStillCountsIt() {
        RateLimiter limiter = limiter(fivePerQuarterHour());
        String huge = "x".repeat(100_000);
        consumeTimes(limiter, huge, 5);

        assertThatThrownBy(() -> limiter.consume(LOGIN, huge.toUpperCase()))
                .isInstanceOf(RateLimitExceededException.class);
        assertThatCode(() -> limiter.consume(LOGIN, huge + "y")).doesNotThrowAnyException();
    }

    @Test
    void refusesAPolicyThatIsNotConfigured() {
        RateLimiter limiter = limiter(fivePerQuarterHour());

        assertThatThrownBy(() -> limiter.consume("login-per-planet", "earth"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("login-per-planet");
    }

    @Test
    void roundsRetryAfterUpToWholeSecondsAndNeverBelowOne() {
        assertThat(new RateLimitExceededException(LOGIN, Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new RateLimitExceededException(LOGIN, Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
        assertThat(new RateLimitExceededException(LOGIN, Duration.ofMillis(2_001)).retryAfterSeconds()).isEqualTo(3);
        assertThat(new RateLimitExceededException(LOGIN, Duration.ofSeconds(60)).retryAfterSeconds()).isEqualTo(60);
    }

    @Test
    void refusesAPolicyWithoutCapacityOrRefillPeriod() {
        assertThatThrownBy(() -> new Policy(0, Duration.ofMinutes(1), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Policy(5, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
