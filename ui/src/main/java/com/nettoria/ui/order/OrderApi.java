package com.nettoria.ui.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.order.OrderOutcome;
import com.nettoria.coreapi.order.OrderPage;
import com.nettoria.coreapi.order.OrderView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The order API's request and response bodies. */
final class OrderApi {

    private OrderApi() {
    }

    @Schema(description = "A plan (planId) or a custom size (custom), never both")
    record PlaceOrderRequest(
            @Schema(example = "basic-2") String planId,
            CustomSize custom,
            @Schema(example = "tehran-1") String datacenterId,
            @Schema(example = "debian-12") String operatingSystemId,
            @Schema(example = "MONTHLY", description = "HOURLY, MONTHLY, QUARTERLY, SEMI_ANNUAL or ANNUAL, any case")
            String period,
            @Schema(example = "web-1", description = "an RFC 1123 label: 1-63 letters, digits and inner hyphens")
            String hostname,
            @Schema(example = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... me@laptop",
                    description = "an OpenSSH public key for root; without one a root password is generated and "
                            + "answered once, in the response that placed the order")
            String sshPublicKey) {
    }

    record CustomSize(@Schema(example = "2") Integer vcpus,
                      @Schema(example = "4096") Integer memoryMib,
                      @Schema(example = "50") Integer diskGib) {
    }

    record CancelOrderRequest(@Schema(example = "ordered the wrong size") String reason) {
    }

    record Failure(String code, String reason) {

        static Failure of(String code, String reason) {
            return code == null && reason == null ? null : new Failure(code, reason);
        }
    }

    record Size(int vcpus, int memoryMib, int diskGib, int trafficGib) {

        static Size of(VmSpec spec) {
            return new Size(spec.vcpus(), spec.memoryMib(), spec.diskGib(), spec.trafficGib());
        }
    }

    /**
     * An order as its owner and administrators see it. {@code rootPassword} appears only in the answer to the
     * request that placed the order, and only when the order has no SSH key.
     */
    record OrderResponse(String orderId, String customerId, String status, String planId, Size spec,
                         String datacenterId, String operatingSystemId, String period, String hostname,
                         String currency, BigDecimal amountDue, BigDecimal hourlyPrice, BigDecimal monthlyPrice,
                         BigDecimal discountPercent, Failure paymentFailure, Failure failure, BigDecimal refunded,
                         String cancellationReason, String vmId, Instant placedAt, Instant paidAt,
                         Instant paymentDueBy, Instant closedAt, Instant updatedAt,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String rootPassword) {

        static OrderResponse of(OrderView view) {
            return new OrderResponse(view.orderId().value(), view.customerId().value(), view.status().name(),
                    view.planId() == null ? null : view.planId().value(), Size.of(view.spec()),
                    view.datacenterId().value(), view.operatingSystemId().value(), view.period().name(),
                    view.hostname(), view.amountDue().currency().getCurrencyCode(), amount(view.amountDue()),
                    amount(view.hourlyPrice()), amount(view.monthlyPrice()), view.discountPercent(),
                    Failure.of(view.paymentFailureCode(), view.paymentFailureReason()),
                    Failure.of(view.failureCode(), view.failureReason()), amount(view.refunded()),
                    view.cancellationReason(), view.vmId() == null ? null : view.vmId().value(), view.placedAt(),
                    view.paidAt(), view.paymentDueBy(), view.closedAt(), view.updatedAt(), null);
        }

        /** The answer to placing an order: the read model, the outcome's payment refusal and root password. */
        static OrderResponse placed(OrderView view, OrderOutcome outcome) {
            OrderResponse response = of(view);
            BusinessError refusal = outcome == null ? null : outcome.paymentRefusal();
            return new OrderResponse(response.orderId, response.customerId, response.status, response.planId,
                    response.spec, response.datacenterId, response.operatingSystemId, response.period,
                    response.hostname, response.currency, response.amountDue, response.hourlyPrice,
                    response.monthlyPrice, response.discountPercent,
                    refusal == null ? response.paymentFailure : new Failure(refusal.code(), refusal.message()),
                    response.failure, response.refunded, response.cancellationReason, response.vmId,
                    response.placedAt, response.paidAt, response.paymentDueBy, response.closedAt, response.updatedAt,
                    outcome == null ? null : outcome.rootPassword());
        }
    }

    /** Placed, but the read model had not caught up within the wait: what the order desk answered. */
    record AcceptedOrder(String orderId, String status, String currency, BigDecimal amountDue,
                         Failure paymentFailure,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String rootPassword) {

        static AcceptedOrder of(OrderOutcome outcome) {
            BusinessError refusal = outcome.paymentRefusal();
            return new AcceptedOrder(outcome.orderId().value(), outcome.status().name(),
                    outcome.amountDue() == null ? null : outcome.amountDue().currency().getCurrencyCode(),
                    amount(outcome.amountDue()),
                    refusal == null ? null : new Failure(refusal.code(), refusal.message()), outcome.rootPassword());
        }
    }

    record OrderPageResponse(List<OrderResponse> items, int page, int size, long totalItems, int totalPages) {

        static OrderPageResponse of(OrderPage page) {
            int totalPages = (int) ((page.totalItems() + page.size() - 1) / page.size());
            return new OrderPageResponse(page.items().stream().map(OrderResponse::of).toList(), page.page(),
                    page.size(), page.totalItems(), totalPages);
        }
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }
}
