package com.nettoria.query.identity;

/**
 * A page request made safe for SQL: pages start at 0, a page holds 1 to {@value #MAX_SIZE} items (out-of-range
 * values are brought into range, never refused: the web layer validates what people type).
 */
record Paging(int page, int size) {

    static final int MAX_SIZE = 100;

    static Paging of(int page, int size) {
        return new Paging(Math.max(0, page), Math.min(MAX_SIZE, Math.max(1, size)));
    }

    long offset() {
        return (long) page * size;
    }

    /** {@code text} for a {@code LIKE … ESCAPE '\'} pattern: its own {@code %}, {@code _} and {@code \} match literally. */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
