package com.nettoria.ui.order;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.order.FindOrderQuery;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.order.OrderPage;
import com.nettoria.coreapi.order.OrderView;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.ReadModelWaiter;
import com.nettoria.ui.web.RequestValues;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Predicate;

/** The orders read model as the order controllers ask it: by id, the caller's own, or waiting for a change. */
@Component
class OrderReadModel {

    private final QueryGateway queries;
    private final ReadModelWaiter waiter;

    OrderReadModel(QueryGateway queries, ReadModelWaiter waiter) {
        this.queries = queries;
        this.waiter = waiter;
    }

    /** The order id of a path: a UUID (order ids are derived from the customer and the Idempotency-Key). */
    static OrderId orderId(String value) {
        return new OrderId(RequestValues.uuid(value, "orderId"));
    }

    Optional<OrderView> find(OrderId orderId) {
        return queries.query(new FindOrderQuery(orderId), ResponseTypes.optionalInstanceOf(OrderView.class)).join();
    }

    /** @throws ApiProblem 404 {@code order.not-found} for an unknown order and for someone else's alike */
    OrderView mine(CustomerId customer, OrderId orderId) {
        return find(orderId).filter(order -> order.customerId().equals(customer))
                .orElseThrow(() -> notFound(orderId));
    }

    /** The order once it shows what {@code expected} says, or as it is when the wait runs out (empty if unknown). */
    Optional<OrderView> awaitWhere(OrderId orderId, Predicate<OrderView> expected) {
        return waiter.await(() -> find(orderId).filter(expected)).or(() -> find(orderId));
    }

    /** The order once it shows what {@code expected} says; empty when it does not within the wait. */
    Optional<OrderView> awaitOnly(OrderId orderId, Predicate<OrderView> expected) {
        return waiter.await(() -> find(orderId).filter(expected));
    }

    OrderPage page(Object query) {
        return queries.query(query, ResponseTypes.instanceOf(OrderPage.class)).join();
    }

    static ApiProblem notFound(OrderId orderId) {
        return ApiProblem.notFound(ErrorCodes.ORDER_NOT_YOURS, "Order not found", "you have no order " + orderId);
    }
}
