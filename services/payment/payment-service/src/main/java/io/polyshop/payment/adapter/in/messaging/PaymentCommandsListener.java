package io.polyshop.payment.adapter.in.messaging;

import io.cloudevents.CloudEvent;
import io.polyshop.payment.api.AuthorizePayment;
import io.polyshop.payment.api.CapturePayment;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.payment.api.VoidPayment;
import io.polyshop.payment.application.PaymentProcessing;
import io.polyshop.payment.domain.Money;
import io.polyshop.payment.domain.PaymentId;
import io.polyshop.platform.messaging.ConsumedEvents;
import io.polyshop.platform.messaging.MessagingDefaults;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The saga's payment commands. Each is idempotent by payment id; a command that cannot be read
 * fails and, after the configured attempts, goes to the dead-letter topic. Nothing here logs a
 * command's body: it carries the customer's card token.
 */
public class PaymentCommandsListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentCommandsListener.class);
    private static final int REASON_LENGTH = 200;

    private final PaymentProcessing payments;
    private final ConsumedEvents events;

    public PaymentCommandsListener(PaymentProcessing payments, ConsumedEvents events) {
        this.payments = payments;
        this.events = events;
    }

    @KafkaListener(
            id = "payment-commands",
            topics = PaymentMessages.COMMANDS,
            concurrency = MessagingDefaults.SAGA_LISTENER_CONCURRENCY)
    public void onCommand(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = events.envelope(record);
        switch (event.getType()) {
            case PaymentMessages.AUTHORIZE_PAYMENT -> {
                AuthorizePayment command = events.data(event, AuthorizePayment.class);
                payments.authorize(
                        new PaymentId(command.paymentId()),
                        command.orderId(),
                        command.customerId(),
                        Money.of(command.amount(), command.currency()),
                        command.paymentMethod(),
                        events.replyTopic(command.replyTo()));
            }
            case PaymentMessages.CAPTURE_PAYMENT -> {
                CapturePayment command = events.data(event, CapturePayment.class);
                payments.capture(new PaymentId(command.paymentId()), events.replyTopic(command.replyTo()));
            }
            case PaymentMessages.VOID_PAYMENT -> {
                VoidPayment command = events.data(event, VoidPayment.class);
                payments.voidPayment(
                        new PaymentId(command.paymentId()),
                        reason(command.reason()),
                        events.replyTopic(command.replyTo()));
            }
            default -> log.warn("ignoring a command of unknown type {} ({})", event.getType(), event.getId());
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return "voided";
        }
        return reason.substring(0, Math.min(REASON_LENGTH, reason.length()));
    }
}
