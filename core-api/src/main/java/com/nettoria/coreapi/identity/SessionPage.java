package com.nettoria.coreapi.identity;

import java.util.List;

public record SessionPage(List<SessionView> items) {

    public SessionPage {
        items = List.copyOf(items);
    }
}
