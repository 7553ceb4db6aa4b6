package com.nettoria.coreapi.identity;

import java.util.List;

/** One-time recovery codes, shown once when two-factor authentication is enabled. */
public record RecoveryCodes(List<String> codes) {

    public RecoveryCodes {
        codes = List.copyOf(codes);
    }

    @Override
    public String toString() {
        return "RecoveryCodes[" + codes.size() + " codes]";
    }
}
