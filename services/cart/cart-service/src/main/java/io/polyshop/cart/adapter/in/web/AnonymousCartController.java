package io.polyshop.cart.adapter.in.web;

import io.polyshop.cart.adapter.in.web.CartRequests.AddLine;
import io.polyshop.cart.adapter.in.web.CartRequests.ChangeQuantity;
import io.polyshop.cart.api.AnonymousCartCreated;
import io.polyshop.cart.api.CartView;
import io.polyshop.cart.application.ShoppingCarts;
import io.polyshop.cart.domain.CartOwner;
import io.polyshop.cart.domain.CartToken;
import io.polyshop.cart.domain.Sku;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Carts of visitors who have not signed in. The token travels in the {@code X-Cart-Token} header,
 * never in the URL, so it stays out of access logs; a wrong token finds nothing (404).
 */
@RestController
@RequestMapping("/api/v1/anonymous-carts")
class AnonymousCartController {

    private final ShoppingCarts carts;

    AnonymousCartController(ShoppingCarts carts) {
        this.carts = carts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AnonymousCartCreated start(HttpServletRequest request) {
        CartOwner.Anonymous owner = carts.startAnonymous(request.getRemoteAddr());
        return new AnonymousCartCreated(
                owner.token().value(), carts.view(owner).cart().expiresAt());
    }

    @GetMapping("/current")
    @ApiResponse(responseCode = "200", description = "The cart, priced now")
    @ApiResponse(responseCode = "404", description = "No cart with that token: it expired or never existed")
    CartView cart(@RequestHeader(CustomerCartController.CART_TOKEN) String token) {
        return CartViews.of(carts.view(owner(token)));
    }

    @PostMapping("/current/lines")
    @ApiResponse(responseCode = "200", description = "The cart, priced now")
    @ApiResponse(responseCode = "404", description = "No cart with that token: it expired or never existed")
    @ApiResponse(
            responseCode = "422",
            description = "The cart refused the change (`reason` says why: an unknown or unavailable product)")
    CartView add(@RequestHeader(CustomerCartController.CART_TOKEN) String token, @Valid @RequestBody AddLine request) {
        return CartViews.of(carts.add(owner(token), new Sku(request.sku()), request.quantity()));
    }

    @PutMapping("/current/lines/{sku}")
    @ApiResponse(responseCode = "200", description = "The cart, priced now")
    @ApiResponse(responseCode = "404", description = "No cart with that token: it expired or never existed")
    @ApiResponse(
            responseCode = "422",
            description = "The cart refused the change (`reason` says why: an unknown or unavailable product)")
    CartView change(
            @RequestHeader(CustomerCartController.CART_TOKEN) String token,
            @PathVariable String sku,
            @Valid @RequestBody ChangeQuantity request) {
        return CartViews.of(carts.setQuantity(owner(token), new Sku(sku), request.quantity()));
    }

    @DeleteMapping("/current/lines/{sku}")
    @ApiResponse(responseCode = "200", description = "The cart, priced now")
    @ApiResponse(responseCode = "404", description = "No cart with that token: it expired or never existed")
    CartView remove(@RequestHeader(CustomerCartController.CART_TOKEN) String token, @PathVariable String sku) {
        return CartViews.of(carts.remove(owner(token), new Sku(sku)));
    }

    private static CartOwner.Anonymous owner(String token) {
        return new CartOwner.Anonymous(new CartToken(token));
    }
}
