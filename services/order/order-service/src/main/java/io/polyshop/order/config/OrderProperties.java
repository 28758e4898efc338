package io.polyshop.order.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code polyshop.order}.
 *
 * @param currencies the currencies orders may be placed in
 * @param shippingFee the flat shipping fee, in the order's currency
 * @param freeShippingFrom the subtotal from which shipping is free
 * @param taxRates the tax rate per destination country (ISO 3166-1 alpha-2); orders go only there
 * @param saga how long each saga step may take, counted from when its command was published
 */
@ConfigurationProperties("polyshop.order")
public record OrderProperties(
        List<String> currencies,
        BigDecimal shippingFee,
        BigDecimal freeShippingFrom,
        Map<String, BigDecimal> taxRates,
        Saga saga) {

    public OrderProperties {
        currencies = currencies == null ? List.of("EUR", "USD", "GBP") : currencies;
        shippingFee = shippingFee == null ? new BigDecimal("4.90") : shippingFee;
        freeShippingFrom = freeShippingFrom == null ? new BigDecimal("50.00") : freeShippingFrom;
        taxRates = taxRates == null || taxRates.isEmpty()
                ? Map.of(
                        "DE", new BigDecimal("0.19"),
                        "FR", new BigDecimal("0.20"),
                        "NL", new BigDecimal("0.21"),
                        "AT", new BigDecimal("0.20"),
                        "GB", new BigDecimal("0.20"),
                        "US", new BigDecimal("0.00"))
                : taxRates;
        saga = saga == null ? new Saga(null, null, null, null, null, null, null) : saga;
    }

    /**
     * @param reserveStock how long the saga waits for inventory to reserve
     * @param authorizePayment how long it waits for the payment authorization (the provider's retries included)
     * @param confirmStock how long it waits for inventory to confirm the reservation
     * @param capturePayment how long it waits for the capture
     * @param compensation how long it waits for a compensation before sending it again
     * @param compensationAttempts how often a compensation is sent before the saga needs an operator
     * @param sweep how often overdue steps are looked for
     */
    public record Saga(
            Duration reserveStock,
            Duration authorizePayment,
            Duration confirmStock,
            Duration capturePayment,
            Duration compensation,
            Integer compensationAttempts,
            Duration sweep) {

        public Saga {
            reserveStock = reserveStock == null ? Duration.ofSeconds(30) : reserveStock;
            authorizePayment = authorizePayment == null ? Duration.ofSeconds(60) : authorizePayment;
            confirmStock = confirmStock == null ? Duration.ofSeconds(30) : confirmStock;
            capturePayment = capturePayment == null ? Duration.ofSeconds(60) : capturePayment;
            compensation = compensation == null ? Duration.ofSeconds(30) : compensation;
            compensationAttempts = compensationAttempts == null ? 10 : compensationAttempts;
            sweep = sweep == null ? Duration.ofSeconds(1) : sweep;
        }

        /** A pause between sweeps longer than this means no timer ran, rather than one ran late. */
        public Duration timerAway() {
            Duration threeSweeps = sweep.multipliedBy(3);
            return threeSweeps.compareTo(Duration.ofSeconds(5)) > 0 ? threeSweeps : Duration.ofSeconds(5);
        }
    }
}
