package io.polyshop.payment.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code polyshop.payment}: how the provider is called.
 *
 * @param provider time limit, retries and circuit breaker around every provider call
 */
@ConfigurationProperties("polyshop.payment")
public record PaymentProperties(Provider provider) {

    public PaymentProperties {
        provider = provider == null ? new Provider(null, null, null, null, null, null, null, null, null) : provider;
    }

    /**
     * @param timeout how long one call may take before it counts as failed
     * @param maxAttempts calls per operation, the first included
     * @param backoff the wait before the first retry
     * @param backoffMultiplier how much each further wait grows
     * @param failureRateThreshold percentage of failed calls that opens the circuit
     * @param slidingWindow how many recent calls the failure rate is taken over
     * @param minimumCalls calls needed before the failure rate counts
     * @param openDuration how long an open circuit refuses calls before trying again
     * @param callbackSecret the shared secret provider callbacks are signed with; unset refuses them all
     */
    public record Provider(
            Duration timeout,
            Integer maxAttempts,
            Duration backoff,
            Double backoffMultiplier,
            Float failureRateThreshold,
            Integer slidingWindow,
            Integer minimumCalls,
            Duration openDuration,
            String callbackSecret) {

        public Provider {
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            backoff = backoff == null ? Duration.ofMillis(200) : backoff;
            backoffMultiplier = backoffMultiplier == null ? 2.0 : backoffMultiplier;
            failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
            slidingWindow = slidingWindow == null ? 20 : slidingWindow;
            minimumCalls = minimumCalls == null ? 10 : minimumCalls;
            openDuration = openDuration == null ? Duration.ofSeconds(30) : openDuration;
        }
    }
}
