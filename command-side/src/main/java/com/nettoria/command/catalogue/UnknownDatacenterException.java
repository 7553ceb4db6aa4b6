package com.nettoria.command.catalogue;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.catalogue.CatalogueErrors;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.common.BusinessError;

/**
 * A datacenter the catalogue does not know, chosen for an order or named by an operating system's templates or a
 * plan's datacenters: refused ({@code catalogue.unknown-datacenter}).
 */
public class UnknownDatacenterException extends BusinessRuleViolation {

    public UnknownDatacenterException(BusinessError error) {
        super(error);
    }

    /** @param field the request field that names it, e.g. {@code templates} or {@code datacenters} */
    public UnknownDatacenterException(DatacenterId datacenter, String field) {
        this(CatalogueErrors.unknownDatacenter(datacenter, field));
    }
}
