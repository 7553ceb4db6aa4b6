package com.nettoria.command.identity.adapter.passwords;

import com.nettoria.command.identity.PasswordPolicy;
import com.nettoria.coreapi.identity.Secret;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OWASP ASVS 4.0.3 V2.1: 12 to 128 characters (2.1.1, 2.1.2), any Unicode (2.1.4), no composition rules
 * (2.1.9); not one of the most common passwords (2.1.7, the bundled list), not made of the account's own name,
 * email or mobile number, not one character repeated, and, when enabled, not known from breaches.
 * <p>
 * Characters are Unicode code points after NFKC normalisation (as {@code SpringPasswordHasher} hashes them);
 * for the minimum, runs of spaces count as one (ASVS 2.1.1). Comparisons ignore letter case.
 */
public final class StandardPasswordPolicy implements PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** Name and email parts shorter than this are too likely to occur by chance to be refused. */
    static final int MIN_PERSONAL_WORD_LENGTH = 3;
    /** A mobile number is recognised by its last 7 digits (the subscriber number, without country or area code). */
    static final int MOBILE_DIGITS = 7;

    private static final Pattern SPACE_RUNS = Pattern.compile(" {2,}");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern PHONE_NUMBER = Pattern.compile("[+\\d\\s().\\-]+");
    private static final Pattern NOT_DIGITS = Pattern.compile("\\D+");

    private final CommonPasswords commonPasswords;
    private final BreachedPasswords breachedPasswords;

    public StandardPasswordPolicy(CommonPasswords commonPasswords, BreachedPasswords breachedPasswords) {
        this.commonPasswords = commonPasswords;
        this.breachedPasswords = breachedPasswords;
    }

    @Override
    public Optional<String> weakness(Secret password, Collection<String> personalWords) {
        String normalized = Normalizer.normalize(password.value(), Normalizer.Form.NFKC);
        if (codePoints(SPACE_RUNS.matcher(normalized).replaceAll(" ")) < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (codePoints(normalized) > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (normalized.codePoints().distinct().count() == 1) {
            return Optional.of("must not be one character repeated");
        }
        if (commonPasswords.contains(normalized)) {
            return Optional.of("is too common");
        }
        if (containsPersonalWord(normalized.toLowerCase(Locale.ROOT), personalWords)) {
            return Optional.of("must not contain your name, email address or mobile number");
        }
        if (breachedPasswords.isBreached(normalized)) {
            return Optional.of("has appeared in a data breach");
        }
        return Optional.empty();
    }

    private static boolean containsPersonalWord(String password, Collection<String> personalWords) {
        if (personalWords == null || personalWords.isEmpty()) {
            return false;
        }
        Set<String> words = new HashSet<>();
        Set<String> mobiles = new HashSet<>();
        for (String personal : personalWords) {
            if (personal != null && !personal.isBlank()) {
                collect(Normalizer.normalize(personal.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT), words, mobiles);
            }
        }
        if (words.stream().anyMatch(password::contains)) {
            return true;
        }
        String passwordDigits = NOT_DIGITS.matcher(password).replaceAll("");
        return mobiles.stream().anyMatch(passwordDigits::contains);
    }

    /**
     * An email gives its local part and that part's pieces ({@code m.rostami} → {@code m.rostami}, {@code rostami});
     * a phone number its last 7 digits; a name its parts ({@code Sara Tehrani-Moghadam} → {@code sara},
     * {@code tehrani}, {@code moghadam}) and, when it has several, all of them joined ({@code saratehranimoghadam}).
     */
    private static void collect(String personal, Set<String> words, Set<String> mobiles) {
        int at = personal.lastIndexOf('@');
        if (at >= 0) {
            addWordAndParts(personal.substring(0, at), words);
            return;
        }
        String digits = NOT_DIGITS.matcher(personal).replaceAll("");
        if (PHONE_NUMBER.matcher(personal).matches() && digits.length() >= MOBILE_DIGITS) {
            mobiles.add(digits.substring(digits.length() - MOBILE_DIGITS));
            return;
        }
        addWordAndParts(personal, words);
        String joined = WORD_SEPARATORS.matcher(personal).replaceAll("");
        if (codePoints(joined) >= MIN_PERSONAL_WORD_LENGTH) {
            words.add(joined);
        }
    }

    private static void addWordAndParts(String word, Set<String> words) {
        if (codePoints(word) >= MIN_PERSONAL_WORD_LENGTH) {
            words.add(word);
        }
        for (String part : WORD_SEPARATORS.split(word)) {
            if (codePoints(part) >= MIN_PERSONAL_WORD_LENGTH) {
                words.add(part);
            }
        }
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
