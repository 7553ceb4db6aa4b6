package com.nettoria.command.identity.adapter.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Argon2ParametersTest {

    @Test
    void theProductionDefaultIsOwaspsFirstRecommendation() {
        assertThat(Argon2Parameters.OWASP_DEFAULT).isEqualTo(new Argon2Parameters(19_456, 2, 1));
        assertThat(Argon2Parameters.OWASP_DEFAULT.meetsOwaspMinimum()).isTrue();
    }

    @Test
    void owaspsOtherMemoryAndIterationPairsCountAsStrongEnough() {
        assertThat(new Argon2Parameters(47_104, 1, 1).meetsOwaspMinimum()).isTrue();
        assertThat(new Argon2Parameters(12_288, 3, 1).meetsOwaspMinimum()).isTrue();
        assertThat(new Argon2Parameters(9_216, 4, 1).meetsOwaspMinimum()).isTrue();
        assertThat(new Argon2Parameters(7_168, 5, 1).meetsOwaspMinimum()).isTrue();
    }

    @Test
    void springSecuritysOwnDefaultsAndTestSettingsFallShortOfOwasp() {
        assertThat(new Argon2Parameters(16_384, 2, 1).meetsOwaspMinimum()).isFalse();
        assertThat(new Argon2Parameters(19_456, 1, 1).meetsOwaspMinimum()).isFalse();
        assertThat(new Argon2Parameters(256, 1, 1).meetsOwaspMinimum()).isFalse();
    }

    @Test
    void refusesParametersArgon2CannotRunWith() {
        assertThatThrownBy(() -> new Argon2Parameters(19_456, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Parameters(19_456, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Parameters(15, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
