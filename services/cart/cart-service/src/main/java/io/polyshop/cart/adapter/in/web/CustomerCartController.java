package io.polyshop.cart.adapter.in.web;

import io.polyshop.cart.adapter.in.web.CartRequests.AddLine;
import io.polyshop.cart.adapter.in.web.CartRequests.ChangeQuantity;
import io.polyshop.cart.api.CartView;
import io.polyshop.cart.application.ShoppingCarts;
import io.polyshop.cart.application.ShoppingCarts.MergedCart;
import io.polyshop.cart.domain.CartOwner;
import io.polyshop.cart.domain.CartToken;
import io.polyshop.cart.domain.Sku;
import io.polyshop.platform.security.Caller;
import io.polyshop.platform.security.OwnedResource;
import io.polyshop.platform.security.Ownership;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's cart, at {@code /api/v1/customers/{customerId}/cart} ({@code me} names the caller).
 * Another customer's cart answers 404; staff may look at and change any.
 */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/cart")
class CustomerCartController {

    static final String CART_TOKEN = "X-Cart-Token";

    private final ShoppingCarts carts;

    CustomerCartController(ShoppingCarts carts) {
        this.carts = carts;
    }

    @GetMapping
    CartView cart(@PathVariable String customerId) {
        return CartViews.of(carts.view(reader(customerId)));
    }

    @PostMapping("/lines")
    @ApiResponse(responseCode = "200", description = "The cart, priced now")
    @ApiResponse(
            responseCode = "422",
            description = "The cart refused the change (`reason` says why: an unknown or unavailable product)")
    CartView add(@PathVariable String customerId, @Valid @RequestBody AddLine request) {
        return CartViews.of(carts.add(writer(customerId), new Sku(request.sku()), request.quantity()));
    }

    @PutMapping("/lines/{sku}")
    @ApiResponse(responseCode = "200", description = "The cart, priced now")
    @ApiResponse(
            responseCode = "422",
            description = "The cart refused the change (`reason` says why: an unknown or unavailable product)")
    CartView change(
            @PathVariable String customerId, @PathVariable String sku, @Valid @RequestBody ChangeQuantity request) {
        return CartViews.of(carts.setQuantity(writer(customerId), new Sku(sku), request.quantity()));
    }

    @DeleteMapping("/lines/{sku}")
    CartView remove(@PathVariable String customerId, @PathVariable String sku) {
        return CartViews.of(carts.remove(writer(customerId), new Sku(sku)));
    }

    /** After signing in: the anonymous cart named by the header joins this one and is gone. */
    @PostMapping("/merge")
    CartView merge(@PathVariable String customerId, @RequestHeader(CART_TOKEN) String token) {
        MergedCart merged = carts.merge(new CartOwner.Anonymous(new CartToken(token)), writer(customerId));
        return CartViews.of(merged.cart(), merged.notices());
    }

    private static CartOwner.Customer reader(String customerId) {
        String id = customerIdOf(customerId);
        Ownership.requireReader(OwnedResource.CART, id, customerId);
        return new CartOwner.Customer(id);
    }

    private static CartOwner.Customer writer(String customerId) {
        String id = customerIdOf(customerId);
        Ownership.requireWriter(OwnedResource.CART, id, customerId);
        return new CartOwner.Customer(id);
    }

    private static String customerIdOf(String customerId) {
        return "me".equals(customerId) ? Caller.current().map(Caller::id).orElse(customerId) : customerId;
    }
}
