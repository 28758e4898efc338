package io.polyshop.payment.adapter.out.testprovider;

import io.polyshop.payment.application.port.out.PaymentProvider;
import io.polyshop.payment.domain.DeclineCode;
import io.polyshop.payment.domain.Money;
import io.polyshop.payment.domain.ProviderOutcome;
import io.polyshop.payment.domain.ProviderOutcome.Approved;
import io.polyshop.payment.domain.ProviderOutcome.Refused;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built-in provider for laptops and tests; the card token decides what happens:
 * {@code tok_visa} approves, {@code tok_declined} declines, {@code tok_insufficient_funds} declines
 * for lack of funds, {@code tok_timeout} never answers and {@code tok_flaky} fails twice per
 * operation, then approves. Like a real provider it performs each idempotency key once and answers
 * repeats with the first result, and it remembers what it did so that tests can count charges.
 */
public class TestPaymentProvider implements PaymentProvider {

    public static final int FLAKY_FAILURES = 2;
    private static final Duration NEVER = Duration.ofHours(1);

    private final Map<String, ProviderOutcome> performed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<String> approvedKeys = new CopyOnWriteArrayList<>();

    @Override
    public ProviderOutcome authorize(String idempotencyKey, Money amount, String paymentMethod) {
        int attempt = attempts.computeIfAbsent(idempotencyKey, key -> new AtomicInteger())
                .incrementAndGet();
        return switch (paymentMethod) {
            case "tok_visa" -> once(idempotencyKey, "auth");
            case "tok_declined" -> new Refused(DeclineCode.DECLINED, "the issuer declined the card");
            case "tok_insufficient_funds" ->
                new Refused(DeclineCode.INSUFFICIENT_FUNDS, "the card has insufficient funds");
            case "tok_timeout" -> neverAnswer();
            case "tok_flaky" -> {
                if (attempt <= FLAKY_FAILURES) {
                    throw new TransientProviderException("temporary failure " + attempt + " of " + FLAKY_FAILURES);
                }
                yield once(idempotencyKey, "auth");
            }
            default -> new Refused(DeclineCode.DECLINED, "the test provider does not know this card");
        };
    }

    @Override
    public ProviderOutcome capture(String idempotencyKey, String reference, Money amount) {
        return once(idempotencyKey, "capture");
    }

    @Override
    public ProviderOutcome voidAuthorization(String idempotencyKey, String reference) {
        return once(idempotencyKey, "void");
    }

    @Override
    public ProviderOutcome refund(String idempotencyKey, String reference, Money amount) {
        return once(idempotencyKey, "refund");
    }

    /** The idempotency keys of every operation performed for {@code paymentId}, each listed once. */
    public List<String> performedFor(String paymentId) {
        return approvedKeys.stream()
                .filter(key -> key.startsWith(paymentId + ":"))
                .toList();
    }

    /** How often the provider was asked to authorize under {@code idempotencyKey}. */
    public int attempts(String idempotencyKey) {
        AtomicInteger count = attempts.get(idempotencyKey);
        return count == null ? 0 : count.get();
    }

    private ProviderOutcome once(String idempotencyKey, String kind) {
        return performed.computeIfAbsent(idempotencyKey, key -> {
            approvedKeys.add(key);
            return new Approved(
                    "test_" + kind + "_" + UUID.randomUUID().toString().replace("-", ""));
        });
    }

    private static ProviderOutcome neverAnswer() {
        try {
            Thread.sleep(NEVER);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        throw new TransientProviderException("no answer");
    }

    /** A failure the provider's caller may retry. */
    public static class TransientProviderException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public TransientProviderException(String message) {
            super(message);
        }
    }
}
