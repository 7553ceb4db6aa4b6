package com.nettoria.command.vm;

import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.vm.VmId;

/**
 * The rule of a scale: a VM only grows. Every resource stays or grows (vCenter never shrinks a disk, and taking
 * CPUs or memory away is a plan change the platform does not sell); at least one grows. The traffic allowance
 * follows the new size and is not judged. Refusals name the request's field: {@code planId} for a plan, else
 * {@code custom.vcpus}, {@code custom.memoryMib} or {@code custom.diskGib}.
 */
public final class ScaleUp {

    private ScaleUp() {
    }

    /** @throws VmRefusal {@code vm.scale-down} for a smaller resource, {@code vm.scale-unchanged} for the same size */
    public static void require(VmId vmId, VmSpec current, VmSpec target, boolean toPlan) {
        smaller(vmId, "vcpus", current.vcpus(), target.vcpus(), toPlan);
        smaller(vmId, "memoryMib", current.memoryMib(), target.memoryMib(), toPlan);
        smaller(vmId, "diskGib", current.diskGib(), target.diskGib(), toPlan);
        if (current.vcpus() == target.vcpus() && current.memoryMib() == target.memoryMib()
                && current.diskGib() == target.diskGib()) {
            throw VmRefusal.scaleUnchanged(vmId, toPlan ? "planId" : "custom");
        }
    }

    private static void smaller(VmId vmId, String resource, int current, int target, boolean toPlan) {
        if (target < current) {
            throw VmRefusal.scaleDown(vmId, toPlan ? "planId" : "custom." + resource, resource, current, target);
        }
    }
}
