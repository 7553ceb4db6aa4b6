package com.nettoria.command.identity.adapter.passwords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bundled list of the most common passwords ({@value #RESOURCE}; its header names the source and licence),
 * read once into a set of NFKC-normalised lower-case entries.
 */
public final class CommonPasswords {

    static final String RESOURCE = "identity/common-passwords.txt";

    private final Set<String> passwords;

    private CommonPasswords(Set<String> passwords) {
        this.passwords = Set.copyOf(passwords);
    }

    public static CommonPasswords bundled() {
        ClassLoader loader = CommonPasswords.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the common-password list " + RESOURCE + " is not on the classpath");
            }
            Set<String> passwords = new HashSet<>(16_384);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    passwords.add(canonical(line));
                }
            }
            return new CommonPasswords(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static CommonPasswords of(Collection<String> passwords) {
        return new CommonPasswords(passwords.stream().map(CommonPasswords::canonical).collect(Collectors.toSet()));
    }

    /** Whether {@code password} is on the list, whatever its letter case. */
    public boolean contains(String password) {
        return passwords.contains(canonical(password));
    }

    public int size() {
        return passwords.size();
    }

    private static String canonical(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
