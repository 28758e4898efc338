package io.polyshop.catalog.adapter.in.web;

import io.polyshop.catalog.adapter.in.web.CatalogRequests.ProductRequest;
import io.polyshop.catalog.adapter.in.web.CatalogViews.ProductView;
import io.polyshop.catalog.application.ProductAdministration;
import io.polyshop.catalog.domain.Product;
import io.polyshop.catalog.domain.ProductId;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Editors' product API. Every response carries the product's version as its {@code ETag}; an update
 * must send it back in {@code If-Match} and is refused with 409 when someone else changed the
 * product in between.
 */
@RestController
@RequestMapping("/api/v1/admin/products")
class ProductAdminController {

    private final ProductAdministration administration;

    ProductAdminController(ProductAdministration administration) {
        this.administration = administration;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created as a draft; `ETag` is its version")
    @ApiResponse(responseCode = "409", description = "Another product has that slug or a variant's SKU")
    ResponseEntity<ProductView> create(@RequestBody ProductRequest request) {
        Product product = administration.create(request.toDraft());
        return ResponseEntity.created(URI.create("/api/v1/admin/products/" + product.id()))
                .eTag(Versions.etag(product))
                .body(ProductView.of(product));
    }

    @GetMapping("/{id}")
    ResponseEntity<ProductView> find(@PathVariable UUID id) {
        return respond(administration.product(new ProductId(id)));
    }

    @PutMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "Revised; `ETag` is the new version")
    @ApiResponse(
            responseCode = "409",
            description = "The product changed since that version, or its state forbids this")
    @ApiResponse(responseCode = "428", description = "No `If-Match`: a revision names the version it changes")
    ResponseEntity<ProductView> revise(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ProductRequest request) {
        long expected = Versions.required(ifMatch);
        return respond(administration.revise(new ProductId(id), expected, request.toDraft()));
    }

    @PostMapping("/{id}/publish")
    @ApiResponse(responseCode = "200", description = "Published; `ETag` is the new version")
    @ApiResponse(
            responseCode = "409",
            description = "The product changed since that version, or its state forbids this")
    ResponseEntity<ProductView> publish(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(administration.publish(new ProductId(id), Versions.optional(ifMatch)));
    }

    @PostMapping("/{id}/archive")
    @ApiResponse(responseCode = "200", description = "Archived; `ETag` is the new version")
    @ApiResponse(
            responseCode = "409",
            description = "The product changed since that version, or its state forbids this")
    ResponseEntity<ProductView> archive(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(administration.archive(new ProductId(id), Versions.optional(ifMatch)));
    }

    private static ResponseEntity<ProductView> respond(Product product) {
        return ResponseEntity.ok().eTag(Versions.etag(product)).body(ProductView.of(product));
    }

    /** Product versions as entity tags. */
    static final class Versions {

        private Versions() {}

        static String etag(Product product) {
            return "\"" + product.version() + "\"";
        }

        static long required(String ifMatch) {
            return optional(ifMatch).orElseThrow(MissingVersionException::new);
        }

        static OptionalLong optional(String ifMatch) {
            if (ifMatch == null) {
                return OptionalLong.empty();
            }
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                long version = Long.parseLong(tag);
                if (version < 1) {
                    throw new MalformedVersionException();
                }
                return OptionalLong.of(version);
            } catch (NumberFormatException e) {
                throw new MalformedVersionException();
            }
        }
    }

    /** An update came without the version it is based on. */
    static final class MissingVersionException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MissingVersionException() {
            super("Send the product's ETag in If-Match, so that a change made meanwhile by someone else is not lost.");
        }
    }

    static final class MalformedVersionException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MalformedVersionException() {
            super("If-Match must be an ETag this API returned, such as \"3\".");
        }
    }
}
