package com.nettoria.ui.order;

import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.order.CancelOrderCommand;
import com.nettoria.coreapi.order.FindCustomerOrdersQuery;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.order.OrderOutcome;
import com.nettoria.coreapi.order.OrderStatus;
import com.nettoria.coreapi.order.OrderView;
import com.nettoria.coreapi.order.PayOrderCommand;
import com.nettoria.coreapi.order.PlaceOrderCommand;
import com.nettoria.ui.identity.AccountStanding;
import com.nettoria.ui.order.OrderApi.AcceptedOrder;
import com.nettoria.ui.order.OrderApi.CancelOrderRequest;
import com.nettoria.ui.order.OrderApi.OrderPageResponse;
import com.nettoria.ui.order.OrderApi.OrderResponse;
import com.nettoria.ui.order.OrderApi.PlaceOrderRequest;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.BusinessErrors;
import com.nettoria.ui.web.IdempotencyKeys;
import com.nettoria.ui.web.RequestCausation;
import com.nettoria.ui.web.RequestValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The caller's own orders (seed-compatible paths of the old platform): place one (priced by the catalogue, paid
 * from the wallet in the same step), list, look at, pay again after a top-up, cancel while unpaid. Someone else's
 * order is answered exactly like an order that does not exist.
 */
@RestController
@RequestMapping("/api/orders")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Orders", description = "Order a VM, pay for it from the wallet, follow it until it runs")
public class OrderController {

    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_REASON = 500;
    private static final String QUOTE_SPEC = "spec.";

    private final CommandGateway commands;
    private final OrderReadModel orders;
    private final AccountStanding standing;

    public OrderController(CommandGateway commands, OrderReadModel orders, AccountStanding standing) {
        this.commands = commands;
        this.orders = orders;
        this.standing = standing;
    }

    @PostMapping
    @Operation(summary = "Order a VM and pay for it from my wallet (needs verified contacts and a complete profile)",
            description = "Idempotent by the Idempotency-Key header: the same key answers the same order (200, "
                    + "Idempotent-Replayed: true) and places nothing again; the same key with a different body is a "
                    + "422. 201 with the order; when the wallet did not cover it the order still exists, awaiting "
                    + "payment, and 'paymentFailure' says why. 'rootPassword' is answered once, here, when no SSH "
                    + "key was given. 202 when the order is placed but the read model has not caught up yet.")
    public ResponseEntity<?> place(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                   @Parameter(required = true) @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                   @RequestBody PlaceOrderRequest body) {
        String key = IdempotencyKeys.require(idempotencyKey);
        OrderPlacement placement = OrderPlacement.of(body);
        standing.requireVerifiedContacts(caller);
        standing.requireCompleteProfile(caller);
        CustomerId customer = customerOf(caller);
        OrderId orderId = OrderId.forRequest(customer, key);
        OrderOutcome outcome;
        try {
            outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(new PlaceOrderCommand(
                            orderId, customer, placement.quote(), placement.hostname(), placement.sshPublicKey(),
                            placement.fingerprint()))
                    .withMetaData(RequestCausation.customerRequest(caller, request, key)));
        } catch (CommandExecutionException refused) {
            throw namingTheRequestField(refused);
        }
        URI location = URI.create("/api/orders/" + orderId.value());
        boolean replayed = outcome != null && outcome.replayed();
        Optional<OrderView> view = orders.awaitOnly(orderId, reflects(outcome));
        if (view.isEmpty() && outcome != null) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(location)
                    .header(REPLAYED, Boolean.toString(replayed)).body(AcceptedOrder.of(outcome));
        }
        OrderView order = view.or(() -> orders.find(orderId)).orElseThrow(() -> OrderReadModel.notFound(orderId));
        return ResponseEntity.status(replayed ? HttpStatus.OK : HttpStatus.CREATED).location(location)
                .header(REPLAYED, Boolean.toString(replayed)).body(OrderResponse.placed(order, outcome));
    }

    @GetMapping
    @Operation(summary = "My orders, newest first, optionally of one status")
    public OrderPageResponse list(@AuthenticationPrincipal Jwt caller,
                                  @Parameter(description = "AWAITING_PAYMENT, PROVISIONING, ACTIVE, FAILED, EXPIRED or CANCELLED")
                                  @RequestParam(required = false) String status,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        OrderStatus filter = RequestValues.optionalEnum(OrderStatus.class, status, "status");
        return OrderPageResponse.of(orders.page(new FindCustomerOrdersQuery(customerOf(caller), filter, page, size)));
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One of my orders")
    public OrderResponse order(@AuthenticationPrincipal Jwt caller, @PathVariable String orderId) {
        return OrderResponse.of(orders.mine(customerOf(caller), OrderReadModel.orderId(orderId)));
    }

    @PostMapping("/{orderId}/pay")
    @Operation(summary = "Pay an order that is awaiting payment from my wallet (e.g. after a top-up)",
            description = "200 with the order once paid; 422 with the wallet's reason (e.g. "
                    + "wallet.insufficient-funds) when it still does not cover it; 409 when it is not awaiting payment.")
    public OrderResponse pay(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                             @PathVariable String orderId) {
        CustomerId customer = customerOf(caller);
        OrderView order = awaitingPayment(orders.mine(customer, OrderReadModel.orderId(orderId)));
        standing.requireVerifiedContacts(caller);
        OrderOutcome outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new PayOrderCommand(order.orderId(), customer))
                .withMetaData(RequestCausation.customerRequest(caller, request, null)));
        if (outcome != null && outcome.paymentRefusal() != null) {
            throw paymentFailed(order, outcome.paymentRefusal());
        }
        return OrderResponse.of(orders.awaitWhere(order.orderId(), paid -> paid.status() != OrderStatus.AWAITING_PAYMENT)
                .orElse(order));
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel an order that is still awaiting payment; 409 once it is paid, expired or cancelled")
    public OrderResponse cancel(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                @PathVariable String orderId,
                                @RequestBody(required = false) CancelOrderRequest body) {
        CustomerId customer = customerOf(caller);
        OrderView order = awaitingPayment(orders.mine(customer, OrderReadModel.orderId(orderId)));
        String reason = body == null || body.reason() == null || body.reason().isBlank()
                ? "cancelled by the customer" : body.reason().strip();
        if (reason.length() > MAX_REASON) {
            throw ApiProblem.badRequest("reason", "a reason has at most " + MAX_REASON + " characters");
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new CancelOrderCommand(order.orderId(), customer, reason))
                .withMetaData(RequestCausation.customerRequest(caller, request, null)));
        return OrderResponse.of(orders.awaitWhere(order.orderId(), cancelled -> cancelled.status() == OrderStatus.CANCELLED)
                .orElse(order));
    }

    /**
     * The read model shows at least what the order desk answered: paid (or further) when it was paid, the
     * payment refusal when it was not.
     */
    private static Predicate<OrderView> reflects(OrderOutcome outcome) {
        if (outcome == null) {
            return order -> true;
        }
        if (outcome.status() == OrderStatus.AWAITING_PAYMENT) {
            return order -> order.status() != OrderStatus.AWAITING_PAYMENT || outcome.paymentRefusal() == null
                    || order.paymentFailureCode() != null;
        }
        return order -> order.status() != OrderStatus.AWAITING_PAYMENT;
    }

    /** Statuses never go back to awaiting payment: a read model showing another status is not stale about that. */
    private static OrderView awaitingPayment(OrderView order) {
        if (order.status() != OrderStatus.AWAITING_PAYMENT) {
            throw new ApiProblem(HttpStatus.CONFLICT, ErrorCodes.ORDER_NOT_AWAITING_PAYMENT,
                    "Order not awaiting payment", "the order is " + order.status() + ", not awaiting payment", null,
                    Map.of("context", Map.of("status", order.status().name())));
        }
        return order;
    }

    /**
     * The catalogue names a custom size's fields as its quote does ({@code spec.vcpus}); this request calls them
     * {@code custom.vcpus}, and so does the public quote's answer.
     */
    private static RuntimeException namingTheRequestField(CommandExecutionException refused) {
        return BusinessErrors.of(refused)
                .filter(error -> error.field() != null && error.field().startsWith(QUOTE_SPEC))
                .<RuntimeException>map(error -> ApiProblem.refusal(new BusinessError(error.code(), error.message(),
                        "custom." + error.field().substring(QUOTE_SPEC.length()), error.context())))
                .orElse(refused);
    }

    private static ApiProblem paymentFailed(OrderView order, BusinessError refusal) {
        Map<String, Object> properties = new LinkedHashMap<>(refusal.context());
        properties.put("orderId", order.orderId().value());
        properties.put("amountDue", order.amountDue().amount());
        properties.put("currency", order.amountDue().currency().getCurrencyCode());
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, refusal.code(), "Payment failed", refusal.message(),
                refusal.field(), properties);
    }

    private static CustomerId customerOf(Jwt caller) {
        return new CustomerId(caller.getSubject());
    }
}
