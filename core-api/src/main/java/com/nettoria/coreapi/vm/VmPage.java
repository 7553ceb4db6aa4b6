package com.nettoria.coreapi.vm;

import java.util.List;

/** A page of VMs, newest first. */
public record VmPage(List<VmView> items, int page, int size, long totalItems) {

    public VmPage {
        items = List.copyOf(items);
    }
}
