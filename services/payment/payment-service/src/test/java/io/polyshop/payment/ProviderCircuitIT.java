package io.polyshop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.polyshop.payment.adapter.out.resilience4j.ResilientPaymentProvider;
import io.polyshop.payment.adapter.out.testprovider.TestPaymentProvider;
import io.polyshop.payment.application.PaymentProcessing;
import io.polyshop.payment.application.PaymentQueries;
import io.polyshop.payment.domain.DeclineCode;
import io.polyshop.payment.domain.Money;
import io.polyshop.payment.domain.Payment;
import io.polyshop.payment.domain.PaymentId;
import io.polyshop.payment.domain.PaymentStatus;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestTokens;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the provider failing, the circuit opens and payments are declined without calling it at all. */
@SpringBootTest(
        properties = {
            "polyshop.payment.provider.timeout=200ms",
            "polyshop.payment.provider.max-attempts=1",
            "polyshop.payment.provider.minimum-calls=2",
            "polyshop.payment.provider.sliding-window=2",
            "polyshop.payment.provider.open-duration=1h",
            "spring.kafka.listener.auto-startup=false"
        })
@ActiveProfiles("test")
class ProviderCircuitIT {

    @Autowired
    PaymentProcessing processing;

    @Autowired
    PaymentQueries payments;

    @Autowired
    TestPaymentProvider provider;

    @Autowired
    ResilientPaymentProvider resilientProvider;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.postgres(registry, "payment_circuit");
        SpringEngineProperties.kafka(registry);
        TestTokens.register(registry);
    }

    private Payment authorize(String card) {
        PaymentId id = new PaymentId("pay-" + UUID.randomUUID());
        processing.authorize(
                id,
                "order-" + id,
                "customer-1",
                Money.of(new BigDecimal("25.00"), "EUR"),
                card,
                Optional.of("payment-circuit-it.replies"));
        return payments.payment(id).payment();
    }

    @Test
    void anOpenCircuitDeclinesAtOnceWithoutCallingTheProvider() {
        Payment first = authorize("tok_timeout");
        Payment second = authorize("tok_timeout");

        Payment meanwhile = authorize("tok_visa");

        assertThat(first.declineCode()).contains(DeclineCode.PROVIDER_UNAVAILABLE);
        assertThat(second.declineCode()).contains(DeclineCode.PROVIDER_UNAVAILABLE);
        assertThat(resilientProvider.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(meanwhile.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(meanwhile.declineCode()).contains(DeclineCode.PROVIDER_UNAVAILABLE);
        assertThat(provider.attempts(meanwhile.id().operationKey("authorize"))).isZero();
        assertThat(provider.performedFor(meanwhile.id().value())).isEmpty();
    }
}
