package io.polyshop.payment.application.port.out;

import io.polyshop.payment.domain.AuditEntry;
import io.polyshop.payment.domain.LedgerEntry;
import io.polyshop.payment.domain.Payment;
import io.polyshop.payment.domain.PaymentId;
import io.polyshop.payment.domain.StatusChange;
import java.util.List;
import java.util.Optional;

/** Payments with their ledger and audit log; every write runs in the caller's transaction. */
public interface Payments {

    Optional<Payment> find(PaymentId id);

    /** The payment, locked until the transaction ends so that its next change is decided alone. */
    Optional<Payment> lock(PaymentId id);

    /** Stores a new payment (and its first audit row) unless one with its id exists; whether it did. */
    boolean open(Payment payment, String reason, String actor);

    /** Applies the change, its audit row and its ledger entry if the payment is still where it left from. */
    boolean apply(StatusChange change);

    List<Payment> forOrder(String orderId);

    List<LedgerEntry> ledger(PaymentId id);

    List<AuditEntry> audit(PaymentId id);
}
