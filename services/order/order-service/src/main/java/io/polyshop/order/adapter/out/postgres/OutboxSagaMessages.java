package io.polyshop.order.adapter.out.postgres;

import io.polyshop.inventory.api.ConfirmReservation;
import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.inventory.api.ReleaseStock;
import io.polyshop.inventory.api.ReserveStock;
import io.polyshop.inventory.api.StockLine;
import io.polyshop.order.api.OrderCancelled;
import io.polyshop.order.api.OrderConfirmed;
import io.polyshop.order.api.OrderEvents;
import io.polyshop.order.api.OrderPlaced;
import io.polyshop.order.api.OrderRejected;
import io.polyshop.order.application.port.out.SagaMessages;
import io.polyshop.order.domain.Order;
import io.polyshop.order.domain.OrderNews;
import io.polyshop.order.domain.SagaCommand;
import io.polyshop.payment.api.AuthorizePayment;
import io.polyshop.payment.api.CapturePayment;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.payment.api.VoidPayment;
import io.polyshop.platform.messaging.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The saga's commands in the participants' own contracts, and the order's news, through the
 * PostgreSQL outbox. Everything is keyed by order id, which is also the reservation's and the
 * payment's id, so one order's commands and replies stay in order.
 */
public class OutboxSagaMessages implements SagaMessages {

    private final Outbox outbox;
    private final Clock clock;

    public OutboxSagaMessages(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The command goes out under the id the saga waits on, so that its clock starts when it is published. */
    @Override
    public void send(Order order, SagaCommand command) {
        String id = order.id().toString();
        UUID commandId = order.saga().awaiting().command().value();
        String replies = OrderEvents.SAGA_REPLIES;
        switch (command) {
            case RESERVE_STOCK ->
                outbox.append(
                        commandId,
                        InventoryMessages.COMMANDS,
                        id,
                        InventoryMessages.RESERVE_STOCK,
                        new ReserveStock(id, id, stockLines(order), replies));
            case AUTHORIZE_PAYMENT ->
                outbox.append(
                        commandId,
                        PaymentMessages.COMMANDS,
                        id,
                        PaymentMessages.AUTHORIZE_PAYMENT,
                        new AuthorizePayment(
                                id,
                                id,
                                order.customerId(),
                                order.totals().grandTotal().amount(),
                                order.totals().grandTotal().currency().getCurrencyCode(),
                                order.paymentMethod().orElseThrow(),
                                replies));
            case CONFIRM_RESERVATION ->
                outbox.append(
                        commandId,
                        InventoryMessages.COMMANDS,
                        id,
                        InventoryMessages.CONFIRM_RESERVATION,
                        new ConfirmReservation(id, replies));
            case CAPTURE_PAYMENT ->
                outbox.append(
                        commandId,
                        PaymentMessages.COMMANDS,
                        id,
                        PaymentMessages.CAPTURE_PAYMENT,
                        new CapturePayment(id, replies));
            case RELEASE_STOCK ->
                outbox.append(
                        commandId,
                        InventoryMessages.COMMANDS,
                        id,
                        InventoryMessages.RELEASE_STOCK,
                        new ReleaseStock(id, order.saga().reason(), replies));
            case VOID_PAYMENT ->
                outbox.append(
                        commandId,
                        PaymentMessages.COMMANDS,
                        id,
                        PaymentMessages.VOID_PAYMENT,
                        new VoidPayment(id, order.saga().reason(), replies));
        }
    }

    @Override
    public void announce(Order order, OrderNews news) {
        String id = order.id().toString();
        String currency = order.totals().grandTotal().currency().getCurrencyCode();
        switch (news) {
            case PLACED ->
                outbox.append(
                        OrderEvents.TOPIC,
                        id,
                        OrderEvents.ORDER_PLACED,
                        new OrderPlaced(
                                id, order.customerId(), order.fromCart(), lines(order), currency, clock.instant()));
            case CONFIRMED ->
                outbox.append(
                        OrderEvents.TOPIC,
                        id,
                        OrderEvents.ORDER_CONFIRMED,
                        new OrderConfirmed(
                                id,
                                order.customerId(),
                                lines(order),
                                order.totals().grandTotal().amount(),
                                currency,
                                clock.instant()));
            case REJECTED ->
                outbox.append(
                        OrderEvents.TOPIC,
                        id,
                        OrderEvents.ORDER_REJECTED,
                        new OrderRejected(id, order.customerId(), order.saga().reason(), clock.instant()));
            case CANCELLED ->
                outbox.append(
                        OrderEvents.TOPIC,
                        id,
                        OrderEvents.ORDER_CANCELLED,
                        new OrderCancelled(id, order.customerId(), order.saga().reason(), clock.instant()));
        }
    }

    private static List<StockLine> stockLines(Order order) {
        return order.lines().stream()
                .map(line -> new StockLine(line.sku().value(), line.quantity()))
                .toList();
    }

    private static List<OrderPlaced.Line> lines(Order order) {
        return order.lines().stream()
                .map(line -> new OrderPlaced.Line(
                        line.sku().value(), line.quantity(), line.unitPrice().amount()))
                .toList();
    }
}
