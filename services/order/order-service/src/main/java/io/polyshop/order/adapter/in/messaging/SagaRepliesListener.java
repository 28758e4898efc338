package io.polyshop.order.adapter.in.messaging;

import io.cloudevents.CloudEvent;
import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.inventory.api.StockReservationFailed;
import io.polyshop.order.api.OrderEvents;
import io.polyshop.order.application.Checkout;
import io.polyshop.order.domain.OrderId;
import io.polyshop.order.domain.SagaReply;
import io.polyshop.payment.api.PaymentDeclined;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.platform.messaging.ConsumedEvents;
import io.polyshop.platform.messaging.MessagingDefaults;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The participants' replies, keyed and addressed by order id. A reply the saga is not waiting for
 * (a repeat, a straggler) changes nothing, so redelivery is harmless without an inbox.
 */
public class SagaRepliesListener {

    private static final Logger log = LoggerFactory.getLogger(SagaRepliesListener.class);

    private static final Map<String, SagaReply> REPLIES = Map.ofEntries(
            Map.entry(InventoryMessages.STOCK_RESERVED, SagaReply.STOCK_RESERVED),
            Map.entry(InventoryMessages.STOCK_RESERVATION_FAILED, SagaReply.STOCK_RESERVATION_FAILED),
            Map.entry(InventoryMessages.RESERVATION_CONFIRMED, SagaReply.RESERVATION_CONFIRMED),
            Map.entry(InventoryMessages.RESERVATION_CONFIRMATION_FAILED, SagaReply.RESERVATION_CONFIRMATION_FAILED),
            Map.entry(InventoryMessages.STOCK_RELEASED, SagaReply.STOCK_RELEASED),
            Map.entry(PaymentMessages.PAYMENT_AUTHORIZED, SagaReply.PAYMENT_AUTHORIZED),
            Map.entry(PaymentMessages.PAYMENT_DECLINED, SagaReply.PAYMENT_DECLINED),
            Map.entry(PaymentMessages.PAYMENT_CAPTURED, SagaReply.PAYMENT_CAPTURED),
            Map.entry(PaymentMessages.PAYMENT_CAPTURE_FAILED, SagaReply.PAYMENT_CAPTURE_FAILED),
            Map.entry(PaymentMessages.PAYMENT_VOIDED, SagaReply.PAYMENT_VOIDED),
            Map.entry(PaymentMessages.PAYMENT_REFUNDED, SagaReply.PAYMENT_VOIDED));

    private final Checkout checkout;
    private final ConsumedEvents events;

    public SagaRepliesListener(Checkout checkout, ConsumedEvents events) {
        this.checkout = checkout;
        this.events = events;
    }

    @KafkaListener(
            id = "order-saga-replies",
            topics = OrderEvents.SAGA_REPLIES,
            concurrency = MessagingDefaults.SAGA_LISTENER_CONCURRENCY)
    public void onReply(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = events.envelope(record);
        SagaReply reply = REPLIES.get(event.getType());
        if (reply == null) {
            log.warn("ignoring a reply of unknown type {} ({})", event.getType(), event.getId());
            return;
        }
        checkout.onReply(OrderId.parse(event.getSubject()), reply, detail(reply, event));
    }

    private String detail(SagaReply reply, CloudEvent event) {
        return switch (reply) {
            case STOCK_RESERVATION_FAILED -> {
                StockReservationFailed failed = events.data(event, StockReservationFailed.class);
                yield failed.shortLines() == null || failed.shortLines().isEmpty()
                        ? null
                        : failed.shortLines().stream()
                                .map(line -> line.sku() + " (" + line.requested() + " wanted, " + line.available()
                                        + " left)")
                                .collect(Collectors.joining(", "));
            }
            case PAYMENT_DECLINED -> events.data(event, PaymentDeclined.class).reason();
            default -> null;
        };
    }
}
