package io.polyshop.order.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.polyshop.order.adapter.in.messaging.CatalogPricesListener;
import io.polyshop.order.adapter.in.messaging.SagaRepliesListener;
import io.polyshop.order.adapter.in.scheduling.SagaTimer;
import io.polyshop.order.adapter.out.postgres.JdbcOrders;
import io.polyshop.order.adapter.out.postgres.JdbcPrices;
import io.polyshop.order.adapter.out.postgres.OutboxSagaMessages;
import io.polyshop.order.application.CatalogPriceFeed;
import io.polyshop.order.application.Checkout;
import io.polyshop.order.application.OrderQueries;
import io.polyshop.order.application.port.out.Orders;
import io.polyshop.order.application.port.out.Prices;
import io.polyshop.order.domain.PricingPolicy;
import io.polyshop.order.domain.SagaTimeouts;
import io.polyshop.platform.messaging.ConsumedEvents;
import io.polyshop.platform.messaging.Outbox;
import io.polyshop.platform.security.GuardedEndpoints;
import io.polyshop.platform.security.Permission;
import java.time.Clock;
import java.util.Currency;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

    /** The back office: decided by path before a body is read; a read-only role cannot write. */
    @Bean
    GuardedEndpoints orderGuardedEndpoints() {
        return GuardedEndpoints.builder()
                .readWrite("/api/v1/admin/orders/**", Permission.ORDER_READ_ANY, Permission.ORDER_WRITE_ANY)
                .build();
    }

    @Bean
    Orders orders(JdbcClient jdbc, JsonMapper json) {
        return new JdbcOrders(jdbc, json);
    }

    @Bean
    Prices prices(JdbcClient jdbc) {
        return new JdbcPrices(jdbc);
    }

    @Bean
    PricingPolicy pricingPolicy(OrderProperties settings) {
        return new PricingPolicy(
                settings.currencies().stream().map(Currency::getInstance).collect(Collectors.toSet()),
                settings.shippingFee(),
                settings.freeShippingFrom(),
                settings.taxRates());
    }

    @Bean
    SagaTimeouts sagaTimeouts(OrderProperties settings) {
        OrderProperties.Saga saga = settings.saga();
        return new SagaTimeouts(
                saga.reserveStock(),
                saga.authorizePayment(),
                saga.confirmStock(),
                saga.capturePayment(),
                saga.compensation(),
                saga.compensationAttempts());
    }

    /** Sagas an operator must look at ({@code GET /api/v1/admin/orders/needing-attention}). */
    @Bean
    Gauge sagasNeedingAttention(MeterRegistry registry, OrderQueries queries) {
        return Gauge.builder("polyshop.order.sagas.needing.attention", queries, OrderQueries::countNeedingAttention)
                .description("Checkouts whose undoing went unanswered after every attempt")
                .register(registry);
    }

    @Bean
    Checkout checkout(
            Orders orders,
            Prices prices,
            Outbox outbox,
            PricingPolicy pricing,
            SagaTimeouts timeouts,
            Clock clock,
            TransactionTemplate transactions,
            OrderProperties settings) {
        return new Checkout(
                orders,
                prices,
                new OutboxSagaMessages(outbox, clock),
                pricing,
                timeouts,
                clock,
                transactions,
                settings.saga().timerAway());
    }

    @Bean
    OrderQueries orderQueries(Orders orders) {
        return new OrderQueries(orders);
    }

    @Bean
    CatalogPriceFeed catalogPriceFeed(Prices prices, TransactionTemplate transactions) {
        return new CatalogPriceFeed(prices, transactions);
    }

    @Bean
    SagaRepliesListener sagaRepliesListener(Checkout checkout, ConsumedEvents events) {
        return new SagaRepliesListener(checkout, events);
    }

    @Bean
    CatalogPricesListener catalogPricesListener(CatalogPriceFeed feed, ConsumedEvents events) {
        return new CatalogPricesListener(feed, events);
    }

    @Bean
    SagaTimer sagaTimer(Checkout checkout) {
        return new SagaTimer(checkout);
    }
}
