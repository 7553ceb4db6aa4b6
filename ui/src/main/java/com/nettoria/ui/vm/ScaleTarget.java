package com.nettoria.ui.vm;

import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Slug;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.ui.vm.VmScaleApi.CustomSize;
import com.nettoria.ui.vm.VmScaleApi.ScaleRequest;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.BusinessErrors;
import com.nettoria.ui.web.IdempotencyKeys;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * What a scale request asks a VM to become, checked field by field (a 400 naming the field) before the scale desk
 * prices it: the catalogue alone decides whether the plan or size is sold, and the VM whether it grows.
 *
 * @param customSpec a custom size (its traffic is the catalogue's), or {@code null} for a plan
 */
record ScaleTarget(PlanId planId, VmSpec customSpec) {

    private static final String QUOTE_SPEC = "spec.";

    static ScaleTarget of(ScaleRequest body) {
        if (body == null) {
            throw ApiProblem.badRequest(null, "give a planId or a custom size {vcpus, memoryMib, diskGib}");
        }
        boolean plan = body.planId() != null && !body.planId().isBlank();
        if (plan == (body.custom() != null)) {
            throw ApiProblem.badRequest("planId", "give either a planId or a custom size {vcpus, memoryMib, diskGib}");
        }
        if (plan) {
            String id = body.planId().strip();
            if (!Slug.isValid(id)) {
                throw ApiProblem.badRequest("planId", "planId must be 2-63 lower-case letters, digits and inner "
                        + "hyphens, as GET /api/services lists them");
            }
            return new ScaleTarget(new PlanId(id), null);
        }
        CustomSize custom = body.custom();
        return new ScaleTarget(null, new VmSpec(atLeast(custom.vcpus(), 1, "custom.vcpus"),
                atLeast(custom.memoryMib(), 512, "custom.memoryMib"), atLeast(custom.diskGib(), 1, "custom.diskGib"),
                0));
    }

    /** A digest of the VM and the size asked for: the same Idempotency-Key with another size is refused. */
    String fingerprint(VmId vmId) {
        return IdempotencyKeys.fingerprint("vm-scale", vmId.value(), planId == null ? null : planId.value(),
                customSpec == null ? null : Integer.toString(customSpec.vcpus()),
                customSpec == null ? null : Integer.toString(customSpec.memoryMib()),
                customSpec == null ? null : Integer.toString(customSpec.diskGib()));
    }

    /**
     * A refusal in this request's terms: the catalogue names a custom size's fields {@code spec.vcpus}, this request
     * {@code custom.vcpus}; a full datastore is about the disk asked for, not a datacenter the request never named;
     * the wallet's refusal is about no field of the request.
     */
    RuntimeException inRequestTerms(CommandExecutionException refused) {
        return BusinessErrors.of(refused).<RuntimeException>map(error -> {
            String field = error.field();
            if (field != null && field.startsWith(QUOTE_SPEC)) {
                field = "custom." + field.substring(QUOTE_SPEC.length());
            } else if (ErrorCodes.DATACENTER_FULL.equals(error.code())) {
                field = planId != null ? "planId" : "custom.diskGib";
            } else if (error.code().startsWith("wallet.")) {
                field = null;
            } else {
                return refused;
            }
            return ApiProblem.refusal(new BusinessError(error.code(), error.message(), field, error.context()));
        }).orElse(refused);
    }

    private static int atLeast(Integer value, int minimum, String field) {
        if (value == null) {
            throw ApiProblem.badRequest(field, field + " is required");
        }
        if (value < minimum) {
            throw ApiProblem.badRequest(field, field + " must be at least " + minimum);
        }
        return value;
    }
}
