package com.nettoria.command.order;

import java.security.SecureRandom;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates root passwords for VMs ordered without an SSH key: 20 characters from letters and digits without
 * look-alikes (about 113 bits), with at least one lower-case letter, one upper-case letter and one digit.
 */
public final class RootPasswords implements Supplier<String> {

    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String ALL = LOWER + UPPER + DIGITS;
    static final int LENGTH = 20;

    private final Random random;

    public RootPasswords() {
        this(new SecureRandom());
    }

    /** With a source of randomness of the caller's: tests use a seeded one to know the password in advance. */
    public RootPasswords(Random random) {
        this.random = random;
    }

    @Override
    public String get() {
        while (true) {
            StringBuilder password = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                password.append(ALL.charAt(random.nextInt(ALL.length())));
            }
            String candidate = password.toString();
            if (containsAny(candidate, LOWER) && containsAny(candidate, UPPER) && containsAny(candidate, DIGITS)) {
                return candidate;
            }
        }
    }

    private static boolean containsAny(String text, String characters) {
        return text.chars().anyMatch(c -> characters.indexOf(c) >= 0);
    }
}
