package com.nettoria.command.identity.adapter.passwords;

import com.nettoria.coreapi.identity.Secret;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StandardPasswordPolicyTest {

    private static final CommonPasswords COMMON = CommonPasswords.bundled();
    private static final List<String> SARA = List.of("Sara", "Tehrani-Moghadam", "s.tehrani@example.com", "+98 912 345 6789");

    private final List<String> askedForBreaches = new ArrayList<>();
    private final StandardPasswordPolicy policy = new StandardPasswordPolicy(COMMON, password -> {
        askedForBreaches.add(password);
        return password.equals("breached but long enough");
    });

    private Optional<String> weakness(String password, String... personalWords) {
        return policy.weakness(new Secret(password), Arrays.asList(personalWords));
    }

    private Optional<String> weaknessForSara(String password) {
        return policy.weakness(new Secret(password), SARA);
    }

    @Test
    void acceptsALongPassphraseWithoutAnyCompositionRule() {
        assertThat(weakness("violet otters juggle quietly")).isEmpty();
        assertThat(weakness("alllowercaseletters")).isEmpty();
    }

    @Test
    void refusesPasswordsShorterThan12Characters() {
        assertThat(weakness("Xk7#pq2!Lm9")).hasValue("must be at least 12 characters");
        assertThat(weakness("Xk7#pq2!Lm9z")).isEmpty();
    }

    @Test
    void countsRunsOfSpacesAsOneForTheMinimum() {
        assertThat(weakness("ab        cd")).hasValue("must be at least 12 characters");
        assertThat(weakness("ab  cd ef gh ij")).isEmpty();
    }

    @Test
    void refusesPasswordsLongerThan128Characters() {
        String longest = "x".repeat(64) + "y".repeat(64);

        assertThat(weakness(longest)).isEmpty();
        assertThat(weakness(longest + "z")).hasValue("must be at most 128 characters");
    }

    @Test
    void countsCharactersNotJavaCharsSoEmojiAndPersianAreWelcome() {
        assertThat(weakness("🔑🔒🐢🌵🎻🚲🧭🍉🦉🏔🎲🪁")).isEmpty();
        assertThat(weakness("🔑🔒🐢🌵🎻🚲🧭🍉🦉🏔🎲")).hasValue("must be at least 12 characters");
        assertThat(weakness("گربه‌ها در باغ می‌خوابند")).isEmpty();
    }

    @Test
    void refusesOneCharacterRepeated() {
        assertThat(weakness("zzzzzzzzzzzzzz")).hasValue("must not be one character repeated");
        assertThat(weakness("😀".repeat(12))).hasValue("must not be one character repeated");
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(weakness("1qaz2wsx3edc")).hasValue("is too common");
        assertThat(weakness("QwertyQwerty")).hasValue("is too common");
        assertThat(weakness("leavemealone")).hasValue("is too common");
    }

    @Test
    void refusesPasswordsContainingTheAccountsNameParts() {
        assertThat(weaknessForSara("my name is sara, ok?")).hasValue("must not contain your name, email address or mobile number");
        assertThat(weaknessForSara("MOGHADAM-forever-2024")).hasValue("must not contain your name, email address or mobile number");
        assertThat(weaknessForSara("tehranimoghadam!!")).hasValue("must not contain your name, email address or mobile number");
    }

    @Test
    void refusesPasswordsContainingTheEmailsLocalPart() {
        assertThat(weaknessForSara("hello s.tehrani 99")).hasValue("must not contain your name, email address or mobile number");
        assertThat(weakness("jb.k9-and-more-words", "jb.k9@example.com")).hasValue("must not contain your name, email address or mobile number");
    }

    @Test
    void refusesPasswordsContainingTheMobileNumberHoweverItIsWritten() {
        assertThat(weaknessForSara("call me on 09123456789")).hasValue("must not contain your name, email address or mobile number");
        assertThat(weaknessForSara("ring 0912-345-6789 now")).hasValue("must not contain your name, email address or mobile number");
    }

    @Test
    void ignoresNamePartsShorterThanThreeCharacters() {
        assertThat(weakness("a long walk to the lighthouse", "Al", "Li")).isEmpty();
        assertThat(weakness("a long walk to the lighthouse", "Lighthouse")).hasValue("must not contain your name, email address or mobile number");
    }

    @Test
    void acceptsPasswordsFreeOfPersonalWordsAndToleratesMissingOnes() {
        assertThat(weaknessForSara("violet otters juggle quietly")).isEmpty();
        Collection<String> withGaps = Arrays.asList(null, "", "  ");
        assertThat(policy.weakness(new Secret("violet otters juggle quietly"), withGaps)).isEmpty();
        assertThat(policy.weakness(new Secret("violet otters juggle quietly"), List.of())).isEmpty();
    }

    @Test
    void refusesPasswordsKnownFromBreaches() {
        assertThat(weakness("breached but long enough")).hasValue("has appeared in a data breach");
    }

    @Test
    void asksTheBreachStoreOnlyAboutPasswordsThatPassEveryLocalRule() {
        weakness("short");
        weakness("1qaz2wsx3edc");
        weaknessForSara("sara sara sara sara");
        weakness("violet otters juggle quietly");

        assertThat(askedForBreaches).containsExactly("violet otters juggle quietly");
    }

    @Test
    void withoutABreachStoreOnlyTheLocalRulesApply() {
        StandardPasswordPolicy local = new StandardPasswordPolicy(COMMON, BreachedPasswords.NONE);

        assertThat(local.weakness(new Secret("breached but long enough"), List.of())).isEmpty();
    }
}
