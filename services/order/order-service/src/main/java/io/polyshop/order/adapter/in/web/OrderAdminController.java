package io.polyshop.order.adapter.in.web;

import io.polyshop.order.adapter.in.web.OrderViews.OrderView;
import io.polyshop.order.application.Checkout;
import io.polyshop.order.domain.OrderId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Fulfilment's hand-over, until a delivery service takes it: a shipped order can no longer be cancelled. */
@RestController
@RequestMapping("/api/v1/admin/orders")
@PreAuthorize("hasRole('ADMIN')")
class OrderAdminController {

    private final Checkout checkout;

    OrderAdminController(Checkout checkout) {
        this.checkout = checkout;
    }

    @PostMapping("/{orderId}/shipment")
    OrderView ship(@PathVariable String orderId) {
        return OrderViews.of(checkout.ship(OrderId.parse(orderId)));
    }
}
