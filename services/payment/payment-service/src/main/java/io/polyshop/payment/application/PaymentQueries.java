package io.polyshop.payment.application;

import io.polyshop.payment.application.port.out.Payments;
import io.polyshop.payment.domain.AuditEntry;
import io.polyshop.payment.domain.LedgerEntry;
import io.polyshop.payment.domain.Payment;
import io.polyshop.payment.domain.PaymentId;
import java.util.List;

/** Reading payments, with their ledger and status history. Who may see which is the caller's concern. */
public class PaymentQueries {

    /** A payment with everything recorded about it. */
    public record PaymentRecord(Payment payment, List<LedgerEntry> ledger, List<AuditEntry> history) {}

    private final Payments store;

    public PaymentQueries(Payments store) {
        this.store = store;
    }

    public PaymentRecord payment(PaymentId id) {
        Payment payment = store.find(id).orElseThrow(() -> new UnknownPaymentException(id));
        return new PaymentRecord(payment, store.ledger(id), store.audit(id));
    }

    public List<Payment> forOrder(String orderId) {
        return store.forOrder(orderId);
    }
}
