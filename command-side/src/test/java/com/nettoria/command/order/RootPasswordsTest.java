package com.nettoria.command.order;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated root passwords: long, mixed, easy to read off a screen, and never the same twice. */
class RootPasswordsTest {

    private static final int SAMPLES = 1000;

    private final RootPasswords passwords = new RootPasswords();
    private final List<String> generated = IntStream.range(0, SAMPLES).mapToObj(i -> passwords.get()).toList();

    @Test
    void aPasswordIsTwentyLettersAndDigits() {
        assertThat(generated).allSatisfy(password -> assertThat(password).hasSize(20).matches("[A-Za-z0-9]+"));
    }

    @Test
    void everyPasswordHasALowerCaseLetterAnUpperCaseLetterAndADigit() {
        assertThat(generated).allSatisfy(password -> assertThat(password)
                .containsPattern("[a-z]")
                .containsPattern("[A-Z]")
                .containsPattern("[0-9]"));
    }

    @Test
    void noPasswordHoldsCharactersThatLookAlike() {
        assertThat(generated).allSatisfy(password -> assertThat(password).doesNotContainPattern("[0O1lI]"));
    }

    @Test
    void aThousandPasswordsAreAllDifferent() {
        Set<String> distinct = new HashSet<>(generated);
        assertThat(distinct).hasSize(SAMPLES);
    }

    @Test
    void passwordsUseTheWholeAlphabetNotAFewCharacters() {
        Set<Character> used = new HashSet<>();
        generated.forEach(password -> password.chars().forEach(c -> used.add((char) c)));
        // 24 lower-case + 24 upper-case letters + 8 digits, all seen in 20 000 draws
        assertThat(used).hasSize(56);
    }
}
