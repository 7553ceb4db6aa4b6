package com.nettoria.ui.order;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.order.FindOrdersQuery;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.order.OrderStatus;
import com.nettoria.ui.order.OrderApi.OrderPageResponse;
import com.nettoria.ui.order.OrderApi.OrderResponse;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.RequestValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators look at everyone's orders: the list by status and customer, and any one order. */
@RestController
@RequestMapping("/api/admin/orders")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration: orders")
public class AdminOrderController {

    private final OrderReadModel orders;

    public AdminOrderController(OrderReadModel orders) {
        this.orders = orders;
    }

    @GetMapping
    @Operation(summary = "Everyone's orders, newest first; filter by status and customer")
    public OrderPageResponse list(@Parameter(description = "AWAITING_PAYMENT, PROVISIONING, ACTIVE, FAILED, EXPIRED or CANCELLED")
                                  @RequestParam(required = false) String status,
                                  @Parameter(description = "the customer's user id")
                                  @RequestParam(required = false) String customerId,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        OrderStatus filter = RequestValues.optionalEnum(OrderStatus.class, status, "status");
        return OrderPageResponse.of(orders.page(new FindOrdersQuery(filter, customer(customerId), page, size)));
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "Any one order")
    public OrderResponse order(@PathVariable String orderId) {
        OrderId id = OrderReadModel.orderId(orderId);
        return OrderResponse.of(orders.find(id).orElseThrow(() -> ApiProblem.notFound(
                ErrorCodes.ORDER_NOT_YOURS, "Order not found", "no order " + id)));
    }

    private static CustomerId customer(String customerId) {
        String id = RequestValues.optionalText(customerId, "customerId", 255);
        return id == null ? null : new CustomerId(id);
    }
}
