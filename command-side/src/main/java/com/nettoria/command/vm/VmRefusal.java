package com.nettoria.command.vm;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmStatus;

import java.util.Map;

/** A VM refused a command: it is someone else's, or its state does not allow the action. */
public class VmRefusal extends BusinessRuleViolation {

    private VmRefusal(BusinessError error) {
        super(error);
    }

    /** Someone else's VM is answered as if it did not exist. */
    static VmRefusal notFound(VmId vmId) {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_NOT_FOUND, "you have no VM " + vmId, "vmId",
                Map.of("vmId", vmId.value())));
    }

    static VmRefusal illegalState(VmId vmId, VmStatus status, String action) {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_ILLEGAL_STATE,
                "VM " + vmId + " is " + status + ": cannot " + action, null,
                Map.of("vmId", vmId.value(), "status", status.name(), "action", action)));
    }
}
