package com.nettoria.command.catalogue;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;

/** A plan the chosen datacenter does not offer: refused (`catalogue.plan-not-in-datacenter`). */
public class PlanNotInDatacenterException extends BusinessRuleViolation {

    public PlanNotInDatacenterException(BusinessError error) {
        super(error);
    }
}
