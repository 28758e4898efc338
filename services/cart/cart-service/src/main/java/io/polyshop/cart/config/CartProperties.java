package io.polyshop.cart.config;

import io.polyshop.commerce.api.CommerceRules;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code polyshop.cart}.
 *
 * @param maxLines different products one cart may hold
 * @param maxQuantity units of one product one line may hold
 * @param customerTtl how long a customer's cart lives after its last use
 * @param anonymousTtl how long an anonymous cart lives after its last use
 * @param anonymousCartsPerClient anonymous carts one client address may start within the window
 * @param anonymousCartWindow the window anonymous carts are counted in
 */
@ConfigurationProperties("polyshop.cart")
public record CartProperties(
        Integer maxLines,
        Integer maxQuantity,
        Duration customerTtl,
        Duration anonymousTtl,
        Integer anonymousCartsPerClient,
        Duration anonymousCartWindow) {

    public CartProperties {
        maxLines = maxLines == null ? CommerceRules.MAX_LINES : maxLines;
        maxQuantity = maxQuantity == null ? 99 : maxQuantity;
        customerTtl = customerTtl == null ? Duration.ofDays(30) : customerTtl;
        anonymousTtl = anonymousTtl == null ? Duration.ofDays(7) : anonymousTtl;
        anonymousCartsPerClient = anonymousCartsPerClient == null ? 30 : anonymousCartsPerClient;
        anonymousCartWindow = anonymousCartWindow == null ? Duration.ofHours(1) : anonymousCartWindow;
    }
}
