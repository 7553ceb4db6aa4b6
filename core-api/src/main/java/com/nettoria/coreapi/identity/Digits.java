package com.nettoria.coreapi.identity;

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits, as Iranian keyboards type them, turned into ASCII digits. */
final class Digits {

    private Digits() {
    }

    static String toAscii(String input) {
        StringBuilder out = new StringBuilder(input.length());
        for (char c : input.toCharArray()) {
            if (c >= '\u06F0' && c <= '\u06F9') {
                out.append((char) ('0' + (c - '\u06F0')));
            } else if (c >= '\u0660' && c <= '\u0669') {
                out.append((char) ('0' + (c - '\u0660')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
