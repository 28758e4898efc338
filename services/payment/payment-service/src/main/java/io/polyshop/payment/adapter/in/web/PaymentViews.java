package io.polyshop.payment.adapter.in.web;

import io.polyshop.payment.application.PaymentQueries.PaymentRecord;
import io.polyshop.payment.domain.AuditEntry;
import io.polyshop.payment.domain.LedgerEntry;
import io.polyshop.payment.domain.Money;
import io.polyshop.payment.domain.Payment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the payment API shows. Provider references and the actors behind each change are for staff
 * only; card tokens are never stored, so they cannot be shown.
 */
final class PaymentViews {

    private PaymentViews() {}

    record PaymentView(
            String paymentId,
            String orderId,
            String status,
            @Schema(nullable = true) BigDecimal amount,
            @Schema(nullable = true) String currency,
            @Schema(nullable = true) String declineCode,
            @Schema(nullable = true) String declineReason,
            @Schema(nullable = true) String providerReference,
            List<LedgerView> ledger,
            List<HistoryView> history) {}

    record LedgerView(String kind, BigDecimal amount, String currency, Instant at) {}

    record HistoryView(
            @Schema(nullable = true) String from,
            String to,
            @Schema(nullable = true) String reason,
            @Schema(nullable = true) String actor,
            Instant at) {}

    record PaymentList(List<PaymentView> payments) {}

    static PaymentView summary(Payment payment, boolean staff) {
        return view(payment, staff, List.of(), List.of());
    }

    static PaymentView detailed(PaymentRecord record, boolean staff) {
        return view(
                record.payment(),
                staff,
                record.ledger().stream().map(PaymentViews::ledger).toList(),
                record.history().stream().map(entry -> history(entry, staff)).toList());
    }

    private static PaymentView view(
            Payment payment, boolean staff, List<LedgerView> ledger, List<HistoryView> history) {
        return new PaymentView(
                payment.id().value(),
                payment.orderId(),
                payment.status().name(),
                payment.amount().map(Money::amount).orElse(null),
                payment.amount()
                        .map(money -> money.currency().getCurrencyCode())
                        .orElse(null),
                payment.declineCode().map(Enum::name).orElse(null),
                payment.declineCode().map(code -> code.customerMessage()).orElse(null),
                staff ? payment.providerReference().orElse(null) : null,
                ledger,
                history);
    }

    private static LedgerView ledger(LedgerEntry entry) {
        return new LedgerView(
                entry.kind().name(),
                entry.amount().amount(),
                entry.amount().currency().getCurrencyCode(),
                entry.at());
    }

    private static HistoryView history(AuditEntry entry, boolean staff) {
        return new HistoryView(
                entry.from() == null ? null : entry.from().name(),
                entry.to().name(),
                entry.reason(),
                staff ? entry.actor() : null,
                entry.at());
    }
}
