package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.common.CustomerId;

/**
 * Administrators' VM list, newest first: filtered by {@code status} and by {@code customerId} when they are not
 * {@code null}; answers a {@link VmPage}.
 */
public record FindVmsQuery(VmStatus status, CustomerId customerId, int page, int size) {

    public FindVmsQuery {
        Pages.check(page, size);
    }
}
