package com.nettoria.coreapi.catalogue;

import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

import java.util.Map;

/**
 * The catalogue's refusals of a quote, the same on the write side (order placement) and the read side (the public
 * quote): code, message, the request field at fault and the facts around it.
 */
public final class CatalogueErrors {

    private CatalogueErrors() {
    }

    public static BusinessError unknownDatacenter(DatacenterId datacenter, String field) {
        return new BusinessError(ErrorCodes.CATALOGUE_UNKNOWN_DATACENTER,
                "there is no datacenter " + datacenter, field, Map.of("datacenterId", datacenter.value()));
    }

    public static BusinessError unknownOperatingSystem(OperatingSystemId operatingSystem) {
        return new BusinessError(ErrorCodes.CATALOGUE_UNKNOWN_OPERATING_SYSTEM,
                "there is no operating system " + operatingSystem, "operatingSystemId",
                Map.of("operatingSystemId", operatingSystem.value()));
    }

    public static BusinessError unknownPlan(PlanId plan) {
        return new BusinessError(ErrorCodes.CATALOGUE_UNKNOWN_PLAN, "there is no plan " + plan, "planId",
                Map.of("planId", plan.value()));
    }

    /** @param field the request field naming the thing: {@code datacenterId}, {@code operatingSystemId} or {@code planId} */
    public static BusinessError notOrderable(String field, String id) {
        return new BusinessError(ErrorCodes.CATALOGUE_NOT_ORDERABLE, id + " can no longer be ordered", field,
                Map.of(field, id));
    }

    public static BusinessError noTemplate(OperatingSystemId operatingSystem, DatacenterId datacenter) {
        return new BusinessError(ErrorCodes.CATALOGUE_NO_TEMPLATE,
                operatingSystem + " is not available in datacenter " + datacenter, "operatingSystemId",
                Map.of("operatingSystemId", operatingSystem.value(), "datacenterId", datacenter.value()));
    }

    public static BusinessError planNotInDatacenter(PlanId plan, DatacenterId datacenter) {
        return new BusinessError(ErrorCodes.CATALOGUE_PLAN_NOT_IN_DATACENTER,
                "plan " + plan + " is not offered in datacenter " + datacenter, "planId",
                Map.of("planId", plan.value(), "datacenterId", datacenter.value()));
    }

    public static BusinessError customDisabled() {
        return new BusinessError(ErrorCodes.CATALOGUE_CUSTOM_DISABLED,
                "custom configurations cannot be ordered at the moment; choose a plan", "custom", Map.of());
    }

    /** @param field {@code spec.vcpus}, {@code spec.memoryMib} or {@code spec.diskGib} */
    public static BusinessError specOutOfRange(String field, int value, int min, int max) {
        String resource = field.substring(field.lastIndexOf('.') + 1);
        return new BusinessError(ErrorCodes.CATALOGUE_SPEC_OUT_OF_RANGE,
                "a custom size's " + resource + " must be between " + min + " and " + max + ", got " + value, field,
                Map.of("min", Integer.toString(min), "max", Integer.toString(max)));
    }
}
