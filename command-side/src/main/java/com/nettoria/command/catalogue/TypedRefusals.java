package com.nettoria.command.catalogue;

import com.nettoria.coreapi.catalogue.Quoting;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

/** The write side's way of refusing a quote: the typed business exception of each catalogue refusal. */
final class TypedRefusals implements Quoting.Refusals {

    static final TypedRefusals INSTANCE = new TypedRefusals();

    private TypedRefusals() {
    }

    @Override
    public RuntimeException refuse(BusinessError error) {
        return switch (error.code()) {
            case ErrorCodes.CATALOGUE_UNKNOWN_DATACENTER -> new UnknownDatacenterException(error);
            case ErrorCodes.CATALOGUE_UNKNOWN_OPERATING_SYSTEM -> new UnknownOperatingSystemException(error);
            case ErrorCodes.CATALOGUE_UNKNOWN_PLAN -> new UnknownPlanException(error);
            case ErrorCodes.CATALOGUE_NOT_ORDERABLE -> new NotOrderableException(error);
            case ErrorCodes.CATALOGUE_NO_TEMPLATE -> new NoTemplateException(error);
            case ErrorCodes.CATALOGUE_PLAN_NOT_IN_DATACENTER -> new PlanNotInDatacenterException(error);
            case ErrorCodes.CATALOGUE_CUSTOM_DISABLED -> new CustomDisabledException(error);
            case ErrorCodes.CATALOGUE_SPEC_OUT_OF_RANGE -> new SpecOutOfRangeException(error);
            default -> throw new IllegalArgumentException("not a refusal of a quote: " + error.code());
        };
    }
}
