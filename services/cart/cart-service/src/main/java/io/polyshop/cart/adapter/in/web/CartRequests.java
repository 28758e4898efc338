package io.polyshop.cart.adapter.in.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Request bodies; presence is checked here, formats and limits by the domain. */
final class CartRequests {

    private CartRequests() {}

    record AddLine(@NotBlank String sku, @NotNull Integer quantity) {}

    record ChangeQuantity(@NotNull Integer quantity) {}
}
