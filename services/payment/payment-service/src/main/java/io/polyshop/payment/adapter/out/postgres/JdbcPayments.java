package io.polyshop.payment.adapter.out.postgres;

import io.polyshop.payment.application.port.out.Payments;
import io.polyshop.payment.domain.AuditEntry;
import io.polyshop.payment.domain.DeclineCode;
import io.polyshop.payment.domain.LedgerEntry;
import io.polyshop.payment.domain.LedgerKind;
import io.polyshop.payment.domain.Money;
import io.polyshop.payment.domain.Payment;
import io.polyshop.payment.domain.PaymentId;
import io.polyshop.payment.domain.PaymentStatus;
import io.polyshop.payment.domain.StatusChange;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payments in PostgreSQL. A status change, its audit row and its ledger entry are one statement
 * (data-modifying CTEs), conditional on the status the change leaves: a change that lost a race
 * writes nothing.
 */
public class JdbcPayments implements Payments {

    private static final int REASON_LENGTH = 500;
    private static final String COLUMNS =
            "payment_id, order_id, customer_id, amount, currency, status, provider_reference, decline_code, reply_to";

    private final JdbcClient jdbc;

    public JdbcPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Payment> find(PaymentId id) {
        return jdbc.sql("select " + COLUMNS + " from payment where payment_id = :id")
                .param("id", id.value())
                .query(JdbcPayments::payment)
                .optional();
    }

    @Override
    public Optional<Payment> lock(PaymentId id) {
        return jdbc.sql("select " + COLUMNS + " from payment where payment_id = :id for update")
                .param("id", id.value())
                .query(JdbcPayments::payment)
                .optional();
    }

    @Override
    public boolean open(Payment payment, String reason, String actor) {
        return jdbc.sql("""
                        with opened as (
                            insert into payment (payment_id, order_id, customer_id, amount, currency, status, decline_code, reply_to)
                            values (:id, :orderId, :customerId, :amount, :currency, :status, :declineCode, :replyTo)
                            on conflict (payment_id) do nothing
                            returning payment_id, status)
                        insert into payment_audit (payment_id, old_status, new_status, reason, actor)
                        select payment_id, null, status, :reason, :actor from opened
                        """)
                        .param("id", payment.id().value())
                        .param("orderId", payment.orderId())
                        .param("customerId", payment.customerId())
                        .param("amount", payment.amount().map(Money::amount).orElse(null))
                        .param(
                                "currency",
                                payment.amount()
                                        .map(money -> money.currency().getCurrencyCode())
                                        .orElse(null))
                        .param("status", payment.status().name())
                        .param(
                                "declineCode",
                                payment.declineCode().map(Enum::name).orElse(null))
                        .param("replyTo", payment.replyTo().orElse(null))
                        .param("reason", truncated(reason))
                        .param("actor", actor)
                        .update()
                == 1;
    }

    @Override
    public boolean apply(StatusChange change) {
        Payment after = change.after();
        return jdbc.sql("""
                        with changed as (
                            update payment
                               set status = :to, provider_reference = :reference, decline_code = :declineCode, updated_at = now()
                             where payment_id = :id and status = :from
                            returning payment_id, amount, currency, provider_reference),
                        audited as (
                            insert into payment_audit (payment_id, old_status, new_status, reason, actor)
                            select payment_id, :from, :to, :reason, :actor from changed),
                        recorded as (
                            insert into payment_ledger (payment_id, kind, amount, currency, provider_reference)
                            select payment_id, cast(:kind as text), amount, currency, provider_reference
                              from changed where cast(:kind as text) is not null)
                        select count(*) from changed
                        """)
                        .param("id", after.id().value())
                        .param("from", change.from().name())
                        .param("to", after.status().name())
                        .param("reference", after.providerReference().orElse(null))
                        .param(
                                "declineCode",
                                after.declineCode().map(Enum::name).orElse(null))
                        .param("reason", truncated(change.reason()))
                        .param("actor", change.actor())
                        .param("kind", change.ledger().map(Enum::name).orElse(null))
                        .query(Long.class)
                        .single()
                == 1L;
    }

    @Override
    public List<Payment> forOrder(String orderId) {
        return jdbc.sql("select " + COLUMNS + " from payment where order_id = :orderId order by created_at")
                .param("orderId", orderId)
                .query(JdbcPayments::payment)
                .list();
    }

    @Override
    public List<LedgerEntry> ledger(PaymentId id) {
        return jdbc.sql("""
                        select kind, amount, currency, provider_reference, recorded_at
                          from payment_ledger where payment_id = :id order by entry_id
                        """)
                .param("id", id.value())
                .query((row, number) -> new LedgerEntry(
                        id,
                        LedgerKind.valueOf(row.getString("kind")),
                        money(row),
                        row.getString("provider_reference"),
                        row.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    @Override
    public List<AuditEntry> audit(PaymentId id) {
        return jdbc.sql("""
                        select old_status, new_status, reason, actor, changed_at
                          from payment_audit where payment_id = :id order by audit_id
                        """)
                .param("id", id.value())
                .query((row, number) -> new AuditEntry(
                        status(row.getString("old_status")),
                        status(row.getString("new_status")),
                        row.getString("reason"),
                        row.getString("actor"),
                        row.getTimestamp("changed_at").toInstant()))
                .list();
    }

    private static Payment payment(ResultSet row, int number) throws SQLException {
        return new Payment(
                new PaymentId(row.getString("payment_id")),
                row.getString("order_id"),
                row.getString("customer_id"),
                row.getBigDecimal("amount") == null ? Optional.empty() : Optional.of(money(row)),
                PaymentStatus.valueOf(row.getString("status")),
                Optional.ofNullable(row.getString("provider_reference")),
                Optional.ofNullable(row.getString("decline_code")).map(DeclineCode::valueOf),
                Optional.ofNullable(row.getString("reply_to")));
    }

    private static Money money(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        BigDecimal amount = row.getBigDecimal("amount").setScale(currency.getDefaultFractionDigits());
        return new Money(amount, currency);
    }

    private static PaymentStatus status(String name) {
        return name == null ? null : PaymentStatus.valueOf(name);
    }

    private static String truncated(String reason) {
        String text = reason == null || reason.isBlank() ? "no reason given" : reason;
        return text.length() <= REASON_LENGTH ? text : text.substring(0, REASON_LENGTH);
    }
}
