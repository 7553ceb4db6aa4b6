package com.nettoria.ui.vm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.nettoria.coreapi.vm.VmScaleQuote;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

/** The scale API's request and response bodies. */
final class VmScaleApi {

    private VmScaleApi() {
    }

    /** Either a plan of the VM's datacenter or a custom size, never both. */
    record ScaleRequest(@Schema(example = "standard-2", description = "a bigger plan of the VM's datacenter")
                        String planId,
                        @Schema(description = "or a custom size, where the catalogue sells custom sizes")
                        CustomSize custom) {
    }

    record CustomSize(@Schema(example = "4") Integer vcpus,
                      @Schema(example = "8192") Integer memoryMib,
                      @Schema(example = "80") Integer diskGib) {
    }

    /**
     * What growing the VM costs: the new size and recurring prices from the catalogue, and what the wallet pays now
     * (the difference for the rest of the paid period; 0 when billed hourly).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QuoteResponse(String vmId, String currentPlanId, VmApi.Size currentSpec, String planId, VmApi.Size spec,
                         String period, String currency, BigDecimal hourlyPrice, BigDecimal monthlyPrice,
                         BigDecimal discountPercent, BigDecimal periodPrice, BigDecimal chargeNow,
                         Instant paidUntil) {

        static QuoteResponse of(VmScaleQuote quote) {
            return new QuoteResponse(quote.vmId().value(),
                    quote.currentPlanId() == null ? null : quote.currentPlanId().value(),
                    VmApi.Size.of(quote.currentSpec()), quote.planId() == null ? null : quote.planId().value(),
                    VmApi.Size.of(quote.spec()), quote.period().name(),
                    quote.periodPrice().currency().getCurrencyCode(), quote.hourlyPrice().amount(),
                    quote.monthlyPrice().amount(), quote.discountPercent(), quote.periodPrice().amount(),
                    quote.chargeNow().amount(), quote.paidUntil());
        }
    }

    /** The scale operation vCenter carries out (its status as the read model shows it) and what was charged. */
    record ScaleResponse(String operationId, String vmId, String kind, String status, QuoteResponse quote) {
    }
}
