package com.nettoria.command.provisioning;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** How patient provisioning is: retry delays that double up to a cap, and how often the guest is asked for its IP. */
class ProvisioningSettingsTest {

    private static ProvisioningSettings settings(Duration firstRetryDelay, Duration maxRetryDelay) {
        return new ProvisioningSettings(5, firstRetryDelay, maxRetryDelay, Duration.ofSeconds(5),
                Duration.ofMinutes(10), Duration.ofMinutes(30));
    }

    private static ProvisioningSettings polling(Duration interval, Duration limit) {
        return new ProvisioningSettings(5, Duration.ofSeconds(5), Duration.ofMinutes(2), interval, limit,
                Duration.ofMinutes(30));
    }

    @Test
    void theFirstRetryWaitsTheFirstDelayAndEveryFurtherOneTwiceAsLong() {
        var settings = settings(Duration.ofSeconds(5), Duration.ofMinutes(2));

        assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.retryDelay(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.retryDelay(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.retryDelay(5)).isEqualTo(Duration.ofSeconds(80));
    }

    @Test
    void theDelayStopsGrowingAtTheCap() {
        var settings = settings(Duration.ofSeconds(5), Duration.ofMinutes(2));

        assertThat(settings.retryDelay(6)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.retryDelay(7)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aVeryLateAttemptStillWaitsTheCapNotAnOverflowedDelay() {
        var settings = settings(Duration.ofSeconds(5), Duration.ofMinutes(2));

        assertThat(settings.retryDelay(10_000)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aFirstDelayAboveTheCapIsCutToTheCap() {
        var settings = settings(Duration.ofMinutes(5), Duration.ofMinutes(2));

        assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theDefaultsRetryFiveTimesFromFiveSecondsUpToTwoMinutes() {
        var defaults = ProvisioningSettings.defaults();

        assertThat(defaults.maxAttempts()).isEqualTo(5);
        assertThat(defaults.retryDelay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.retryDelay(20)).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.ipPolls()).isEqualTo(120);
    }

    @Test
    void theGuestIsAskedForItsIpAsOftenAsTheIntervalFitsIntoTheWaitLimit() {
        assertThat(polling(Duration.ofSeconds(5), Duration.ofMinutes(10)).ipPolls()).isEqualTo(120);
        assertThat(polling(Duration.ofSeconds(3), Duration.ofSeconds(10)).ipPolls()).isEqualTo(3);
    }

    @Test
    void theGuestIsAskedAtLeastOnceWhateverTheLimit() {
        assertThat(polling(Duration.ofMinutes(1), Duration.ofSeconds(10)).ipPolls()).isEqualTo(1);
        assertThat(polling(Duration.ofSeconds(5), Duration.ZERO).ipPolls()).isEqualTo(1);
    }

    @Test
    void thereIsAlwaysAtLeastOneAttempt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProvisioningSettings(0, Duration.ofSeconds(5),
                Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(30)));
    }
}
