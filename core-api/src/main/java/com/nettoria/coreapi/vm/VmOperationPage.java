package com.nettoria.coreapi.vm;

import java.util.List;

/** A page of a VM's operations, newest first. */
public record VmOperationPage(List<VmOperationView> items, int page, int size, long totalItems) {

    public VmOperationPage {
        items = List.copyOf(items);
    }
}
