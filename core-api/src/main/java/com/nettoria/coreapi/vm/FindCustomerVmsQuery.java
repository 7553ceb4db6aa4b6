package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.common.CustomerId;

import java.util.Objects;

/**
 * A customer's VMs, newest first; deleted ones only when {@code includeDeleted}. Answers a {@link VmPage}.
 */
public record FindCustomerVmsQuery(CustomerId customerId, boolean includeDeleted, int page, int size) {

    public FindCustomerVmsQuery {
        Objects.requireNonNull(customerId, "customerId");
        Pages.check(page, size);
    }
}
