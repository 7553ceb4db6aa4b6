package com.nettoria.coreapi.vm;

/** The steps of provisioning a VM in vCenter, in order. */
public enum ProvisioningStep {
    REGISTER,
    CLONE,
    CONFIGURE,
    POWER_ON,
    WAIT_FOR_IP,
    COMPLETE
}
