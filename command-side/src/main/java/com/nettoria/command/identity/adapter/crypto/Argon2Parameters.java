package com.nettoria.command.identity.adapter.crypto;

import java.util.List;

/**
 * The cost of one Argon2id hash: memory in KiB, passes over it, and lanes. Salt (16 bytes) and output
 * (32 bytes) are fixed. The defaults are OWASP's first recommendation (Password Storage Cheat Sheet):
 * m = 19 MiB, t = 2, p = 1.
 */
public record Argon2Parameters(int memoryKib, int iterations, int parallelism) {

    /** OWASP's equally strong settings for p = 1: more memory or more passes (memory KiB, iterations). */
    private static final List<int[]> OWASP_MINIMUMS = List.of(
            new int[] {47_104, 1}, new int[] {19_456, 2}, new int[] {12_288, 3}, new int[] {9_216, 4}, new int[] {7_168, 5});

    public static final Argon2Parameters OWASP_DEFAULT = new Argon2Parameters(19_456, 2, 1);

    public Argon2Parameters {
        if (parallelism < 1 || iterations < 1) {
            throw new IllegalArgumentException("Argon2 needs at least one iteration and one lane");
        }
        if (memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2 needs at least 8 KiB of memory per lane");
        }
    }

    /** At least one of OWASP's recommended memory/iteration pairs (any parallelism is at least as strong as p = 1). */
    public boolean meetsOwaspMinimum() {
        return OWASP_MINIMUMS.stream().anyMatch(min -> memoryKib >= min[0] && iterations >= min[1]);
    }

    @Override
    public String toString() {
        return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
    }
}
