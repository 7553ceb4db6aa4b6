package com.nettoria.command.order;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.order.OrderStatus;
import com.nettoria.coreapi.vm.VmId;

import java.util.Map;

/** An order refused a command: it is someone else's, or its status does not allow it. */
public class OrderRefusal extends BusinessRuleViolation {

    private OrderRefusal(BusinessError error) {
        super(error);
    }

    /** Someone else's order is answered as if it did not exist. */
    static OrderRefusal notFound(OrderId orderId) {
        return new OrderRefusal(new BusinessError(ErrorCodes.ORDER_NOT_YOURS, "you have no order " + orderId,
                "orderId", Map.of("orderId", orderId.value())));
    }

    static OrderRefusal notAwaitingPayment(OrderId orderId, OrderStatus status) {
        return new OrderRefusal(new BusinessError(ErrorCodes.ORDER_NOT_AWAITING_PAYMENT,
                "order " + orderId + " is " + status + ", not awaiting payment", null,
                Map.of("orderId", orderId.value(), "status", status.name())));
    }

    static OrderRefusal keyReused(OrderId orderId) {
        return new OrderRefusal(new BusinessError(ErrorCodes.IDEMPOTENCY_KEY_REUSED,
                "this idempotency key was already used for a different order", "Idempotency-Key",
                Map.of("orderId", orderId.value())));
    }

    /** A scale's key that named another request on the VM (another size, a power action, a snapshot, ...). */
    static OrderRefusal keyReusedOnVm(VmId vmId) {
        return new OrderRefusal(new BusinessError(ErrorCodes.IDEMPOTENCY_KEY_REUSED,
                "this idempotency key was already used for a different request on VM " + vmId, "Idempotency-Key",
                Map.of("vmId", vmId.value())));
    }

    /** The wallet did not pay (a scale-up is refused then, unlike an order, which waits for its payment). */
    static OrderRefusal paymentRefused(BusinessError walletRefusal) {
        return new OrderRefusal(walletRefusal);
    }

    static OrderRefusal illegalState(OrderId orderId, OrderStatus status, String action) {
        return new OrderRefusal(new BusinessError(ErrorCodes.ORDER_ILLEGAL_STATE,
                "order " + orderId + " is " + status + " and cannot be " + action, null,
                Map.of("orderId", orderId.value(), "status", status.name())));
    }
}
