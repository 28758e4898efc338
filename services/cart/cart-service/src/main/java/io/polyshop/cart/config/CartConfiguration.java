package io.polyshop.cart.config;

import io.polyshop.cart.adapter.in.messaging.CatalogPricesListener;
import io.polyshop.cart.adapter.in.messaging.OrderEventsListener;
import io.polyshop.cart.adapter.out.redis.RedisAnonymousCartQuotas;
import io.polyshop.cart.adapter.out.redis.RedisCarts;
import io.polyshop.cart.adapter.out.redis.RedisPrices;
import io.polyshop.cart.application.CartPolicy;
import io.polyshop.cart.application.CatalogPriceFeed;
import io.polyshop.cart.application.ShoppingCarts;
import io.polyshop.cart.domain.CartLimits;
import io.polyshop.platform.messaging.ConsumedEvents;
import io.polyshop.platform.security.PublicEndpoints;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration
@EnableConfigurationProperties(CartProperties.class)
class CartConfiguration {

    @Bean
    PublicEndpoints cartPublicEndpoints() {
        return PublicEndpoints.of(
                "POST /api/v1/anonymous-carts",
                "GET /api/v1/anonymous-carts/current",
                "POST /api/v1/anonymous-carts/current/lines",
                "PUT /api/v1/anonymous-carts/current/lines/*",
                "DELETE /api/v1/anonymous-carts/current/lines/*");
    }

    @Bean
    CartPolicy cartPolicy(CartProperties settings) {
        return new CartPolicy(
                new CartLimits(settings.maxLines(), settings.maxQuantity()),
                settings.customerTtl(),
                settings.anonymousTtl());
    }

    @Bean
    RedisPrices prices(StringRedisTemplate redis) {
        return new RedisPrices(redis);
    }

    @Bean
    ShoppingCarts shoppingCarts(
            StringRedisTemplate redis, RedisPrices prices, CartPolicy policy, CartProperties settings, Clock clock) {
        return new ShoppingCarts(
                new RedisCarts(redis, clock),
                prices,
                policy,
                new RedisAnonymousCartQuotas(
                        redis, settings.anonymousCartsPerClient(), settings.anonymousCartWindow()));
    }

    @Bean
    CatalogPricesListener catalogPricesListener(RedisPrices prices, ConsumedEvents events) {
        return new CatalogPricesListener(new CatalogPriceFeed(prices), events);
    }

    @Bean
    OrderEventsListener orderEventsListener(ShoppingCarts carts, ConsumedEvents events) {
        return new OrderEventsListener(carts, events);
    }
}
