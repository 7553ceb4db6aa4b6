package com.nettoria.coreapi.vm;

/** The paging rules of the VM queries: pages start at 0 and hold 1 to {@value #MAX_SIZE} items. */
final class Pages {

    static final int MAX_SIZE = 200;

    private Pages() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }
}
