package com.nettoria.coreapi.vm;

/** A VM's life on the platform (its power state is separate: {@link PowerState}). */
public enum VmStatus {
    /** Being created in vCenter. */
    PROVISIONING,
    /** Created and handed to the customer. */
    ACTIVE,
    /** Stopped by the platform (e.g. unpaid): the customer cannot power it on. */
    SUSPENDED,
    /** Being reinstalled from an operating system's template; active again once the rebuild operation ends. */
    REBUILDING,
    /** Provisioning failed; whatever was created in vCenter was removed. */
    FAILED,
    /** Destroyed in vCenter; billing stopped. */
    DELETED
}
