package com.nettoria.command.identity.adapter.passwords;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommonPasswordsTest {

    private static final CommonPasswords BUNDLED = CommonPasswords.bundled();

    @Test
    void theBundledListHoldsTheTenThousandMostCommonAndTheLongOnesAmongTheNext() {
        assertThat(BUNDLED.size()).isBetween(10_000, 10_465);
        assertThat(BUNDLED.contains("123456")).isTrue();
        assertThat(BUNDLED.contains("password")).isTrue();
        assertThat(BUNDLED.contains("1qaz2wsx3edc")).isTrue();
        assertThat(BUNDLED.contains("qwertyuiop123")).isTrue();
    }

    @Test
    void ignoresLetterCase() {
        assertThat(BUNDLED.contains("PassWord")).isTrue();
        assertThat(BUNDLED.contains("1QAZ2WSX3EDC")).isTrue();
    }

    @Test
    void theHeaderIsNotAPassword() {
        assertThat(BUNDLED.contains("# Common passwords that Nettoria refuses (StandardPasswordPolicy; OWASP ASVS 4.0.3 V2.1.7). One a line, compared"))
                .isFalse();
    }

    @Test
    void aPassphraseOfOwnWordsIsNotOnIt() {
        assertThat(BUNDLED.contains("violet otters juggle quietly")).isFalse();
    }

    @Test
    void fullWidthCharactersAreTheirPlainCounterparts() {
        assertThat(CommonPasswords.of(List.of("qwertyqwerty")).contains("ｑｗｅｒｔｙｑｗｅｒｔｙ")).isTrue();
    }
}
