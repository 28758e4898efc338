package io.polyshop.payment.adapter.in.web;

import io.polyshop.payment.application.PaymentProcessing;
import io.polyshop.payment.domain.DeclineCode;
import io.polyshop.payment.domain.InvalidPaymentException;
import io.polyshop.payment.domain.PaymentId;
import io.polyshop.payment.domain.ProviderOutcome;
import io.polyshop.payment.domain.ProviderOutcome.Approved;
import io.polyshop.payment.domain.ProviderOutcome.Refused;
import io.polyshop.platform.web.ProblemWriter;
import io.polyshop.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test provider's webhook: it reports an authorization's outcome after the fact, signed with
 * HMAC-SHA256 over the raw body under the shared callback secret
 * ({@code polyshop.payment.provider.callback-secret}; unset, every callback is refused). A real provider's webhook is
 * another adapter of the same shape, feeding the same use case.
 */
@RestController
class ProviderCallbackController {

    static final String PATH = "/api/v1/payment-provider/callbacks";
    static final String SIGNATURE = "X-Provider-Signature";

    /** What the provider reports: {@code outcome} is APPROVED, DECLINED or INSUFFICIENT_FUNDS. */
    record ProviderCallback(
            String paymentId,
            String outcome,
            @Schema(nullable = true) String reference) {}

    private final PaymentProcessing payments;
    private final JsonMapper json;
    private final byte[] secret;

    ProviderCallbackController(
            PaymentProcessing payments,
            JsonMapper json,
            @Value("${polyshop.payment.provider.callback-secret:}") String secret) {
        this.payments = payments;
        this.json = json;
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(PATH)
    @Operation(
            summary = "The payment provider reports an outcome",
            description = "Public, but signed: HMAC-SHA256 of the raw body under the shared secret, hex, in "
                    + SIGNATURE + ".")
    @ApiResponse(responseCode = "204", description = "Taken")
    @ApiResponse(responseCode = "401", description = "The signature is missing or does not match the body")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            description = "Signed as it is sent: the signature covers these exact bytes",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ProviderCallback.class)))
    ResponseEntity<?> report(
            @RequestHeader(name = SIGNATURE, required = false) String signature,
            @RequestBody byte[] body,
            HttpServletRequest request) {
        if (secret.length == 0 || signature == null || !MessageDigest.isEqual(expected(body), bytes(signature))) {
            ProblemDetail problem = ProblemWriter.problem(
                    request,
                    HttpStatus.UNAUTHORIZED,
                    Problems.UNAUTHORIZED,
                    "Unsigned callback",
                    "The callback's " + SIGNATURE + " does not match its body.");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        ProviderCallback callback = read(body);
        payments.providerReported(new PaymentId(callback.paymentId()), outcome(callback));
        return ResponseEntity.noContent().build();
    }

    private ProviderCallback read(byte[] body) {
        try {
            return json.readValue(body, ProviderCallback.class);
        } catch (JacksonException unreadable) {
            throw new InvalidPaymentException("body", "is not a provider callback");
        }
    }

    private static ProviderOutcome outcome(ProviderCallback callback) {
        String outcome = callback.outcome() == null ? "" : callback.outcome();
        return switch (outcome) {
            case "APPROVED" -> {
                if (callback.reference() == null || callback.reference().isBlank()) {
                    throw new InvalidPaymentException("reference", "is required for an approval");
                }
                yield new Approved(callback.reference());
            }
            case "DECLINED" -> new Refused(DeclineCode.DECLINED, "declined, reported by the provider");
            case "INSUFFICIENT_FUNDS" ->
                new Refused(DeclineCode.INSUFFICIENT_FUNDS, "insufficient funds, reported by the provider");
            default -> throw new InvalidPaymentException("outcome", "must be APPROVED, DECLINED or INSUFFICIENT_FUNDS");
        };
    }

    private byte[] expected(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String signature) {
        return signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII);
    }
}
