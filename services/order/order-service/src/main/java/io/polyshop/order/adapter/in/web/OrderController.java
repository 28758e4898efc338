package io.polyshop.order.adapter.in.web;

import io.polyshop.order.adapter.in.web.OrderRequests.PlaceOrderRequest;
import io.polyshop.order.adapter.in.web.OrderViews.OrderPage;
import io.polyshop.order.adapter.in.web.OrderViews.OrderView;
import io.polyshop.order.application.Checkout;
import io.polyshop.order.application.OrderQueries;
import io.polyshop.order.application.PlaceOrder;
import io.polyshop.order.application.ResultPage;
import io.polyshop.order.domain.InvalidOrderException;
import io.polyshop.order.domain.Money;
import io.polyshop.order.domain.Order;
import io.polyshop.order.domain.OrderId;
import io.polyshop.order.domain.ShippingAddress;
import io.polyshop.order.domain.Sku;
import io.polyshop.platform.security.Caller;
import io.polyshop.platform.security.OwnedResource;
import io.polyshop.platform.security.Ownership;
import io.polyshop.platform.web.IdempotencyKeys;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Currency;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's orders. Placing one needs an {@code Idempotency-Key}: a repeat with the same key
 * answers with the first response and places nothing. Another customer's order answers 404.
 */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private static final int MAX_PAGE_SIZE = 100;

    private final Checkout checkout;
    private final OrderQueries orders;

    OrderController(Checkout checkout, OrderQueries orders) {
        this.checkout = checkout;
        this.orders = orders;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Placed; the checkout saga runs on, follow it on the order")
    @ApiResponse(
            responseCode = "409",
            description = "Prices changed since the caller saw them (`currentPrices` has today's), or the"
                    + " Idempotency-Key's first request is still running")
    @ApiResponse(
            responseCode = "422",
            description = "Refused by a rule of the shop (`reason` says which), or the Idempotency-Key was used"
                    + " with another request")
    ResponseEntity<OrderView> place(
            @RequestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        Caller caller = Caller.current().orElseThrow();
        Order order = checkout.place(new PlaceOrder(
                caller.id(),
                Boolean.TRUE.equals(request.fromCart()),
                request.lines().stream()
                        .map(line -> new PlaceOrder.Line(
                                new Sku(line.sku()), line.quantity(), Optional.ofNullable(line.unitPrice())))
                        .toList(),
                address(request.shippingAddress()),
                request.paymentMethod(),
                Optional.ofNullable(request.expectedTotal())
                        .map(total -> money("expectedTotal", total.amount(), total.currency()))));
        return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id()))
                .body(OrderViews.of(order));
    }

    @GetMapping
    OrderPage mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidOrderException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidOrderException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        ResultPage found = orders.ofCustomer(Caller.current().orElseThrow().id(), page, size);
        return new OrderPage(found.orders().stream().map(OrderViews::summary).toList(), page, size, found.more());
    }

    @GetMapping("/{orderId}")
    OrderView order(@PathVariable String orderId) {
        Order order = orders.order(OrderId.parse(orderId));
        Ownership.requireReader(OwnedResource.ORDER, order.customerId(), orderId);
        return OrderViews.of(order);
    }

    /** Cancels before shipment: the saga gives back stock and payment, then the order is CANCELLED. */
    @PostMapping("/{orderId}/cancellation")
    @ApiResponse(responseCode = "202", description = "Being cancelled: stock and payment are given back first")
    @ApiResponse(responseCode = "409", description = "Shipped or rejected: there is nothing to cancel")
    ResponseEntity<OrderView> cancel(@PathVariable String orderId) {
        Order order = orders.order(OrderId.parse(orderId));
        Ownership.requireWriter(OwnedResource.ORDER, order.customerId(), orderId);
        return ResponseEntity.accepted().body(OrderViews.of(checkout.cancel(order.id())));
    }

    private static ShippingAddress address(OrderRequests.AddressRequest address) {
        return new ShippingAddress(
                address.recipient(),
                address.line1(),
                address.line2(),
                address.city(),
                address.postalCode(),
                address.country());
    }

    private static Money money(String field, BigDecimal amount, String currency) {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new InvalidOrderException(field + ".currency", "must be an ISO 4217 code such as EUR");
        }
        try {
            Currency code = Currency.getInstance(currency);
            if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > code.getDefaultFractionDigits()) {
                throw new InvalidOrderException(
                        field + ".amount",
                        "must be positive with at most " + code.getDefaultFractionDigits() + " decimals");
            }
            return new Money(amount, code);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidOrderException(field + ".currency", "is not an ISO 4217 currency");
        }
    }
}
