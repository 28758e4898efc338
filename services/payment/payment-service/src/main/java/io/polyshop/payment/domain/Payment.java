package io.polyshop.payment.domain;

import java.util.Optional;

/**
 * A payment for one order. Its status moves only through the behaviour methods, each of which
 * refuses a move the life cycle does not allow. A payment voided before any authorization arrived
 * has no amount: it exists only to turn that authorization away.
 */
public record Payment(
        PaymentId id,
        String orderId,
        String customerId,
        Optional<Money> amount,
        PaymentStatus status,
        Optional<String> providerReference,
        Optional<DeclineCode> declineCode,
        Optional<String> replyTo) {

    public Payment {
        if (status != PaymentStatus.VOIDED && amount.isEmpty()) {
            throw new IllegalArgumentException("only a payment voided before authorization has no amount");
        }
    }

    public static Payment authorizing(
            PaymentId id, String orderId, String customerId, Money amount, Optional<String> replyTo) {
        if (orderId == null || orderId.isBlank() || orderId.length() > 64) {
            throw new InvalidPaymentException("orderId", "must be 1 to 64 characters");
        }
        if (customerId == null || customerId.isBlank() || customerId.length() > 64) {
            throw new InvalidPaymentException("customerId", "must be 1 to 64 characters");
        }
        return new Payment(
                id,
                orderId,
                customerId,
                Optional.of(amount),
                PaymentStatus.AUTHORIZING,
                Optional.empty(),
                Optional.empty(),
                replyTo);
    }

    /** Stands in for a payment cancelled before its authorization arrived, so that it never goes through. */
    public static Payment voidedUnseen(PaymentId id) {
        return new Payment(
                id,
                null,
                null,
                Optional.empty(),
                PaymentStatus.VOIDED,
                Optional.empty(),
                Optional.of(DeclineCode.VOIDED),
                Optional.empty());
    }

    /** Whether a repeated authorization asks for the same thing as the one that opened this payment. */
    public boolean sameRequest(String otherOrderId, String otherCustomerId, Money otherAmount) {
        return amount.isPresent()
                && amount.get().equals(otherAmount)
                && otherOrderId.equals(orderId)
                && otherCustomerId.equals(customerId);
    }

    public StatusChange approve(String reference, String actor) {
        require(PaymentStatus.AUTHORIZING);
        return change(
                PaymentStatus.AUTHORIZED,
                Optional.of(reference),
                declineCode,
                "authorized by the provider",
                actor,
                LedgerKind.AUTHORIZATION);
    }

    public StatusChange decline(DeclineCode code, String reason, String actor) {
        require(PaymentStatus.AUTHORIZING);
        return change(PaymentStatus.DECLINED, providerReference, Optional.of(code), reason, actor, null);
    }

    public StatusChange capture(String actor) {
        require(PaymentStatus.AUTHORIZED);
        return change(PaymentStatus.CAPTURED, providerReference, declineCode, "captured", actor, LedgerKind.CAPTURE);
    }

    /** Cancels a payment not yet captured; an authorization held at the provider is recorded as voided. */
    public StatusChange cancel(String reason, String actor) {
        if (status != PaymentStatus.AUTHORIZING && status != PaymentStatus.AUTHORIZED) {
            throw new IllegalStateException("payment " + id + " is " + status + " and cannot be voided");
        }
        LedgerKind ledger = status == PaymentStatus.AUTHORIZED ? LedgerKind.VOID : null;
        return change(PaymentStatus.VOIDED, providerReference, Optional.of(DeclineCode.VOIDED), reason, actor, ledger);
    }

    public StatusChange refund(String reason, String actor) {
        require(PaymentStatus.CAPTURED);
        return change(PaymentStatus.REFUNDED, providerReference, declineCode, reason, actor, LedgerKind.REFUND);
    }

    private void require(PaymentStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("payment " + id + " is " + status + ", not " + expected);
        }
    }

    private StatusChange change(
            PaymentStatus to,
            Optional<String> reference,
            Optional<DeclineCode> code,
            String reason,
            String actor,
            LedgerKind ledger) {
        Payment after = new Payment(id, orderId, customerId, amount, to, reference, code, replyTo);
        return new StatusChange(after, status, reason, actor, Optional.ofNullable(ledger));
    }
}
