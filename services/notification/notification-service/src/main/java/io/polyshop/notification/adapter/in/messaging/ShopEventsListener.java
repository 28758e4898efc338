package io.polyshop.notification.adapter.in.messaging;

import io.cloudevents.CloudEvent;
import io.polyshop.identity.api.IdentityEvents;
import io.polyshop.identity.api.UserRegistered;
import io.polyshop.notification.application.NotificationIntake;
import io.polyshop.notification.domain.CustomerId;
import io.polyshop.notification.domain.NotificationType;
import io.polyshop.notification.domain.Recipient;
import io.polyshop.order.api.OrderCancelled;
import io.polyshop.order.api.OrderConfirmed;
import io.polyshop.order.api.OrderEvents;
import io.polyshop.order.api.OrderPlaced;
import io.polyshop.order.api.OrderRejected;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.payment.api.PaymentRefunded;
import io.polyshop.platform.messaging.ConsumedEvents;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * What the customer hears about: orders confirmed, rejected or cancelled, refunds, a new account.
 * Each event raises one notification however often it arrives; other events are none of ours.
 */
public class ShopEventsListener {

    private final NotificationIntake notify;
    private final ConsumedEvents events;

    public ShopEventsListener(NotificationIntake notify, ConsumedEvents events) {
        this.notify = notify;
        this.events = events;
    }

    @KafkaListener(id = "notification-order-events", topics = OrderEvents.TOPIC)
    public void onOrderEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = events.envelope(record);
        switch (event.getType()) {
            case OrderEvents.ORDER_CONFIRMED -> {
                OrderConfirmed confirmed = events.data(event, OrderConfirmed.class);
                notify(
                        event,
                        confirmed.customerId(),
                        NotificationType.ORDER_CONFIRMED,
                        Map.of(
                                "orderId", confirmed.orderId(),
                                "grandTotal", money(confirmed.grandTotal(), confirmed.currency()),
                                "currency", confirmed.currency(),
                                "lines", lines(confirmed.lines(), confirmed.currency())));
            }
            case OrderEvents.ORDER_REJECTED -> {
                OrderRejected rejected = events.data(event, OrderRejected.class);
                notify(
                        event,
                        rejected.customerId(),
                        NotificationType.ORDER_REJECTED,
                        Map.of("orderId", rejected.orderId(), "reason", rejected.reason()));
            }
            case OrderEvents.ORDER_CANCELLED -> {
                OrderCancelled cancelled = events.data(event, OrderCancelled.class);
                notify(
                        event,
                        cancelled.customerId(),
                        NotificationType.ORDER_CANCELLED,
                        Map.of("orderId", cancelled.orderId(), "reason", cancelled.reason()));
            }
            default -> {
                // placed is the cart's business; the customer hears of the order at confirmation
            }
        }
    }

    @KafkaListener(id = "notification-payment-events", topics = PaymentMessages.EVENTS)
    public void onPaymentEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = events.envelope(record);
        if (PaymentMessages.PAYMENT_REFUNDED.equals(event.getType())) {
            PaymentRefunded refunded = events.data(event, PaymentRefunded.class);
            notify(
                    event,
                    refunded.customerId(),
                    NotificationType.PAYMENT_REFUNDED,
                    Map.of(
                            "orderId", refunded.orderId(),
                            "amount", money(refunded.amount(), refunded.currency()),
                            "currency", refunded.currency(),
                            "reason", refunded.reason()));
        }
    }

    @KafkaListener(id = "notification-identity-events", topics = IdentityEvents.TOPIC)
    public void onIdentityEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = events.envelope(record);
        if (IdentityEvents.USER_REGISTERED.equals(event.getType())) {
            UserRegistered registered = events.data(event, UserRegistered.class);
            notify.welcome(
                    event.getSource().toString(),
                    event.getId(),
                    new Recipient(
                            new CustomerId(registered.userId().toString()),
                            registered.email(),
                            registered.displayName()));
        }
    }

    private void notify(CloudEvent event, String customerId, NotificationType type, Map<String, Object> values) {
        notify.notify(event.getSource().toString(), event.getId(), new CustomerId(customerId), type, values);
    }

    /** An amount as customers read it: with its currency's decimals (JSON numbers may have lost trailing zeros). */
    private static String money(BigDecimal amount, String currency) {
        try {
            return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_EVEN)
                    .toPlainString();
        } catch (IllegalArgumentException unknownCurrency) {
            return amount.toPlainString();
        }
    }

    private static List<Map<String, String>> lines(List<OrderPlaced.Line> lines, String currency) {
        return lines.stream()
                .map(line -> {
                    String unitPrice = money(line.unitPrice(), currency);
                    Map<String, String> shown = new LinkedHashMap<>();
                    shown.put("sku", line.sku());
                    shown.put("quantity", Integer.toString(line.quantity()));
                    shown.put("unitPrice", unitPrice);
                    return shown;
                })
                .toList();
    }
}
