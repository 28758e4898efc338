package io.polyshop.payment.config;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.polyshop.payment.adapter.in.messaging.PaymentCommandsListener;
import io.polyshop.payment.adapter.out.postgres.JdbcPayments;
import io.polyshop.payment.adapter.out.postgres.OutboxPaymentReplies;
import io.polyshop.payment.adapter.out.resilience4j.ResilientPaymentProvider;
import io.polyshop.payment.adapter.out.testprovider.TestPaymentProvider;
import io.polyshop.payment.application.PaymentProcessing;
import io.polyshop.payment.application.PaymentQueries;
import io.polyshop.payment.application.port.out.Payments;
import io.polyshop.platform.messaging.ConsumedEvents;
import io.polyshop.platform.messaging.Outbox;
import io.polyshop.platform.security.PublicEndpoints;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

    private static final String PROVIDER = "payment-provider";

    /** Provider callbacks prove themselves with their signature instead of a token. */
    @Bean
    PublicEndpoints paymentPublicEndpoints() {
        return PublicEndpoints.of("POST /api/v1/payment-provider/callbacks");
    }

    @Bean
    Payments payments(JdbcClient jdbc) {
        return new JdbcPayments(jdbc);
    }

    @Bean
    TestPaymentProvider testPaymentProvider() {
        return new TestPaymentProvider();
    }

    @Bean
    ResilientPaymentProvider paymentProvider(
            TestPaymentProvider provider, PaymentProperties settings, MeterRegistry meters) {
        PaymentProperties.Provider limits = settings.provider();
        CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(limits.slidingWindow())
                .minimumNumberOfCalls(limits.minimumCalls())
                .failureRateThreshold(limits.failureRateThreshold())
                .waitDurationInOpenState(limits.openDuration())
                .build());
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(limits.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(limits.backoff(), limits.backoffMultiplier()))
                .retryOnException(failure -> !(failure instanceof CallNotPermittedException))
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        return new ResilientPaymentProvider(
                provider,
                circuitBreakers.circuitBreaker(PROVIDER),
                retries.retry(PROVIDER),
                TimeLimiter.of(
                        PROVIDER,
                        TimeLimiterConfig.custom()
                                .timeoutDuration(limits.timeout())
                                .cancelRunningFuture(true)
                                .build()));
    }

    @Bean
    PaymentProcessing paymentProcessing(
            Payments store, ResilientPaymentProvider provider, Outbox outbox, TransactionTemplate transactions) {
        return new PaymentProcessing(store, provider, new OutboxPaymentReplies(outbox), transactions);
    }

    @Bean
    PaymentQueries paymentQueries(Payments store) {
        return new PaymentQueries(store);
    }

    @Bean
    PaymentCommandsListener paymentCommandsListener(PaymentProcessing payments, ConsumedEvents events) {
        return new PaymentCommandsListener(payments, events);
    }
}
