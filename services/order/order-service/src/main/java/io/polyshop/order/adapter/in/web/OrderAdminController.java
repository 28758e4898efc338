package io.polyshop.order.adapter.in.web;

import io.polyshop.order.adapter.in.web.OrderViews.OrderView;
import io.polyshop.order.application.Checkout;
import io.polyshop.order.application.OrderQueries;
import io.polyshop.order.domain.InvalidOrderException;
import io.polyshop.order.domain.OrderId;
import io.polyshop.platform.messaging.OperatorActions;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's side of orders: fulfilment's hand-over (a shipped order can no longer be
 * cancelled, until a delivery service takes this over), and checkouts whose undoing went
 * unanswered every time, with a way to send their compensation again.
 */
@RestController
@RequestMapping("/api/v1/admin/orders")
class OrderAdminController {

    private static final int MAX_LIMIT = 200;

    private final Checkout checkout;
    private final OrderQueries queries;
    private final OperatorActions actions;

    OrderAdminController(Checkout checkout, OrderQueries queries, OperatorActions actions) {
        this.checkout = checkout;
        this.queries = queries;
        this.actions = actions;
    }

    @PostMapping("/{orderId}/shipment")
    @ApiResponse(responseCode = "200", description = "Shipped: it can no longer be cancelled")
    @ApiResponse(responseCode = "409", description = "Only a confirmed order can ship")
    OrderView ship(@PathVariable String orderId) {
        return OrderViews.of(checkout.ship(OrderId.parse(orderId)));
    }

    @GetMapping("/needing-attention")
    List<OrderView> needingAttention(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidOrderException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return queries.needingAttention(limit).stream().map(OrderViews::of).toList();
    }

    /** Audited and announced like a dead-letter replay: it sends the saga's commands again. */
    @PostMapping("/{orderId}/compensation")
    @ApiResponse(responseCode = "200", description = "The compensation was sent again")
    @ApiResponse(responseCode = "409", description = "The order's checkout does not need attention")
    OrderView resumeCompensation(@PathVariable String orderId, Principal caller) {
        OrderView resumed = OrderViews.of(checkout.resume(OrderId.parse(orderId)));
        actions.record(caller, "saga compensation sent again", resumed.orderId(), Map.of("status", resumed.status()));
        return resumed;
    }
}
