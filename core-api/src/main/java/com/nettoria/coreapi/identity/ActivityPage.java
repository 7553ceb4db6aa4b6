package com.nettoria.coreapi.identity;

import java.util.List;

public record ActivityPage(List<ActivityView> items, long total, int page, int size) {

    public ActivityPage {
        items = List.copyOf(items);
    }
}
