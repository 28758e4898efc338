package io.polyshop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.payment.api.VoidPayment;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.KeptToApiDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What is kept and shown: a customer's own payments, a ledger and audit log that cannot be rewritten, and logs without card data. */
@ExtendWith(KeptToApiDocument.class)
class PaymentRecordsIT extends PaymentTestSupport {

    @Test
    void aCustomerSeesTheirOwnPaymentWithoutProviderDetailsAndNoOneElsesPayment() {
        String payment = paymentId();
        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, authorization(payment, "19.99", "tok_visa"));
        awaitReplies(payment, 1);

        Response mine = owner.get("/api/v1/payments/" + payment);
        Response someoneElses = new ApiClient(port)
                .as(TOKENS.valid("another-customer", "CUSTOMER"))
                .get("/api/v1/payments/" + payment);
        Response staff =
                new ApiClient(port).as(TOKENS.valid("helper", "SUPPORT")).get("/api/v1/payments/" + payment);
        Response anonymous = new ApiClient(port).get("/api/v1/payments/" + payment);
        Response malformed = owner.get("/api/v1/payments/not%20an%20id");

        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().get("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(mine.json().get("providerReference").isNull()).isTrue();
        assertThat(mine.body()).doesNotContain("test_auth_").doesNotContain("tok_visa");
        assertThat(mine.json().get("history")).hasSize(2);
        assertThat(someoneElses.status()).isEqualTo(404);
        assertThat(someoneElses.body()).doesNotContain("test_auth_");
        assertThat(staff.json().get("providerReference").asString()).startsWith("test_auth_");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(owner.get("/api/v1/payments?orderId=order-" + payment).json().get("payments"))
                .hasSize(1);
        assertThat(new ApiClient(port)
                        .as(TOKENS.valid("another-customer", "CUSTOMER"))
                        .get("/api/v1/payments?orderId=order-" + payment)
                        .json()
                        .get("payments"))
                .isEmpty();
    }

    @Test
    void theLedgerAndTheAuditLogRefuseToBeRewritten() {
        String payment = paymentId();
        send(PaymentMessages.AUTHORIZE_PAYMENT, payment, authorization(payment, "8.00", "tok_visa"));
        awaitReplies(payment, 1);

        assertThatThrownBy(() -> jdbc.sql("update payment_ledger set amount = 1 where payment_id = :id")
                        .param("id", payment)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from payment_audit where payment_id = :id")
                        .param("id", payment)
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void cardTokensAndProviderReferencesNeverReachTheLogs(CapturedOutput output) {
        String approved = paymentId();
        String declined = paymentId();
        send(PaymentMessages.AUTHORIZE_PAYMENT, approved, authorization(approved, "5.00", "tok_visa"));
        send(PaymentMessages.AUTHORIZE_PAYMENT, declined, authorization(declined, "-1", "tok_declined"));
        awaitReplies(approved, 1);
        send(PaymentMessages.VOID_PAYMENT, approved, new VoidPayment(approved, "cancelled", REPLIES));
        awaitReplies(approved, 2);

        assertThat(output.getAll())
                .doesNotContain("tok_visa")
                .doesNotContain("tok_declined")
                .doesNotContain("test_auth_");
    }
}
