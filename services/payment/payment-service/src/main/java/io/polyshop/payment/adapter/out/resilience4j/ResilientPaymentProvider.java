package io.polyshop.payment.adapter.out.resilience4j;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.polyshop.payment.application.port.out.PaymentProvider;
import io.polyshop.payment.domain.Money;
import io.polyshop.payment.domain.ProviderOutcome;
import io.polyshop.payment.domain.ProviderOutcome.Unavailable;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Any provider behind a time limit, retries with exponential backoff and a circuit breaker. A call
 * that still fails is answered as {@link Unavailable}; when the circuit is open that answer comes at
 * once, without calling. Retrying is safe because every call carries its idempotency key; refusals
 * are answers, not failures, and neither retry nor open the circuit.
 */
public class ResilientPaymentProvider implements PaymentProvider, AutoCloseable {

    private final PaymentProvider provider;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final TimeLimiter timeLimiter;
    private final Duration timeout;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public ResilientPaymentProvider(
            PaymentProvider provider, CircuitBreaker circuitBreaker, Retry retry, TimeLimiter timeLimiter) {
        this.provider = provider;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
        this.timeLimiter = timeLimiter;
        this.timeout = timeLimiter.getTimeLimiterConfig().getTimeoutDuration();
    }

    @Override
    public ProviderOutcome authorize(String idempotencyKey, Money amount, String paymentMethod) {
        return guarded(() -> provider.authorize(idempotencyKey, amount, paymentMethod));
    }

    @Override
    public ProviderOutcome capture(String idempotencyKey, String reference, Money amount) {
        return guarded(() -> provider.capture(idempotencyKey, reference, amount));
    }

    @Override
    public ProviderOutcome voidAuthorization(String idempotencyKey, String reference) {
        return guarded(() -> provider.voidAuthorization(idempotencyKey, reference));
    }

    @Override
    public ProviderOutcome refund(String idempotencyKey, String reference, Money amount) {
        return guarded(() -> provider.refund(idempotencyKey, reference, amount));
    }

    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    private ProviderOutcome guarded(Supplier<ProviderOutcome> call) {
        Callable<ProviderOutcome> timed = () -> timeLimiter.executeFutureSupplier(() -> calls.submit(call::get));
        Callable<ProviderOutcome> guarded = Retry.decorateCallable(retry, circuitBreaker.decorateCallable(timed));
        try {
            return guarded.call();
        } catch (CallNotPermittedException open) {
            return new Unavailable("the payment provider is failing; calls are paused for now");
        } catch (TimeoutException slow) {
            return new Unavailable("the payment provider did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted while waiting for the payment provider");
        } catch (Exception failed) {
            return new Unavailable("the payment provider failed: " + failed.getMessage());
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
