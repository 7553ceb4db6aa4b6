package com.nettoria.coreapi.identity;

import java.util.List;

public record UserPage(List<UserView> items, long total, int page, int size) {

    public UserPage {
        items = List.copyOf(items);
    }
}
