package io.polyshop.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentLifecycleTest {

    private static final Money AMOUNT = Money.of(new BigDecimal("899.00"), "EUR");

    private static Payment authorizing() {
        return Payment.authorizing(new PaymentId("order-1"), "order-1", "customer-1", AMOUNT, Optional.empty());
    }

    @Test
    void anApprovedAuthorizationKeepsTheProvidersReferenceAndIsLedgered() {
        StatusChange approved = authorizing().approve("psp-42", "provider");

        assertThat(approved.after().status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(approved.after().providerReference()).contains("psp-42");
        assertThat(approved.from()).isEqualTo(PaymentStatus.AUTHORIZING);
        assertThat(approved.ledger()).contains(LedgerKind.AUTHORIZATION);
    }

    @Test
    void aDeclineRecordsItsCodeAndMovesNoMoney() {
        StatusChange declined = authorizing().decline(DeclineCode.INSUFFICIENT_FUNDS, "card declined", "provider");

        assertThat(declined.after().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(declined.after().declineCode()).contains(DeclineCode.INSUFFICIENT_FUNDS);
        assertThat(declined.ledger()).isEmpty();
    }

    @Test
    void onlyAnAuthorizedPaymentIsCaptured() {
        assertThatThrownBy(() -> authorizing().capture("saga")).isInstanceOf(IllegalStateException.class);

        Payment authorized = authorizing().approve("psp-42", "provider").after();
        assertThat(authorized.capture("saga").ledger()).contains(LedgerKind.CAPTURE);
    }

    @Test
    void cancellingAHeldAuthorizationVoidsItAtTheProvider() {
        Payment authorized = authorizing().approve("psp-42", "provider").after();

        StatusChange voided = authorized.cancel("order cancelled", "saga");

        assertThat(voided.after().status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(voided.ledger()).contains(LedgerKind.VOID);
    }

    @Test
    void cancellingBeforeTheProviderAnsweredHasNothingToVoid() {
        assertThat(authorizing().cancel("order cancelled", "saga").ledger()).isEmpty();
    }

    @Test
    void aCapturedPaymentIsRefundedNotCancelled() {
        Payment captured = authorizing()
                .approve("psp-42", "provider")
                .after()
                .capture("saga")
                .after();

        assertThatThrownBy(() -> captured.cancel("too late", "saga")).isInstanceOf(IllegalStateException.class);
        assertThat(captured.refund("returned", "support").after().status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void aRepeatedAuthorizationIsTheSameRequestOnlyForTheSameOrderCustomerAndAmount() {
        Payment payment = authorizing();

        assertThat(payment.sameRequest("order-1", "customer-1", AMOUNT)).isTrue();
        assertThat(payment.sameRequest("order-1", "customer-1", Money.of(new BigDecimal("900.00"), "EUR")))
                .isFalse();
        assertThat(payment.sameRequest("order-1", "customer-2", AMOUNT)).isFalse();
    }

    @Test
    void aPaymentVoidedUnseenHasNoAmountAndTurnsAwayALateAuthorization() {
        Payment voided = Payment.voidedUnseen(new PaymentId("order-1"));

        assertThat(voided.amount()).isEmpty();
        assertThat(voided.sameRequest("order-1", "customer-1", AMOUNT)).isFalse();
        assertThatThrownBy(() -> voided.approve("psp-42", "provider")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAnOrderIdThatIsBlankOrTooLong() {
        assertThatThrownBy(() -> Payment.authorizing(new PaymentId("p-1"), " ", "customer-1", AMOUNT, Optional.empty()))
                .isInstanceOf(InvalidPaymentException.class)
                .hasMessage("orderId: must be 1 to 64 characters");
        assertThatThrownBy(() -> Payment.authorizing(
                        new PaymentId("p-1"), "o".repeat(65), "customer-1", AMOUNT, Optional.empty()))
                .isInstanceOf(InvalidPaymentException.class);
    }

    @Test
    void anOperationKeyIsStablePerPaymentAndOperation() {
        PaymentId id = new PaymentId("order-7");

        assertThat(id.operationKey("capture")).isEqualTo(id.operationKey("capture"));
        assertThat(id.operationKey("capture")).isNotEqualTo(id.operationKey("refund"));
    }
}
