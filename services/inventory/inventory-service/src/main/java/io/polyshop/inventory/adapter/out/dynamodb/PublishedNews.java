package io.polyshop.inventory.adapter.out.dynamodb;

import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.inventory.api.ReservationConfirmationFailed;
import io.polyshop.inventory.api.ReservationConfirmed;
import io.polyshop.inventory.api.StockLow;
import io.polyshop.inventory.api.StockReleased;
import io.polyshop.inventory.api.StockReservationFailed;
import io.polyshop.inventory.api.StockReserved;
import io.polyshop.inventory.application.port.out.InventoryNews;
import io.polyshop.inventory.domain.Reservation;
import io.polyshop.inventory.domain.StockLine;
import java.util.List;

/** Inventory's news in the published contract's shapes: replies keyed by reservation, events by SKU. */
record PublishedNews(String topic, String key, String type, Object payload) {

    static PublishedNews of(InventoryNews news) {
        return switch (news) {
            case InventoryNews.StockReserved reserved ->
                reply(
                        reserved.replyTo(),
                        reserved.reservation(),
                        InventoryMessages.STOCK_RESERVED,
                        new StockReserved(
                                reserved.reservation().id().value(),
                                reserved.reservation().orderId(),
                                lines(reserved.reservation().lines()),
                                reserved.reservation().expiresAt()));
            case InventoryNews.StockReservationFailed failed ->
                reply(
                        failed.replyTo(),
                        failed.reservation(),
                        InventoryMessages.STOCK_RESERVATION_FAILED,
                        new StockReservationFailed(
                                failed.reservation().id().value(),
                                failed.reservation().orderId(),
                                failed.reason(),
                                failed.shortages().stream()
                                        .map(shortage -> new StockReservationFailed.ShortLine(
                                                shortage.sku().value(), shortage.requested(), shortage.available()))
                                        .toList()));
            case InventoryNews.ReservationConfirmed confirmed ->
                reply(
                        confirmed.replyTo(),
                        confirmed.reservation(),
                        InventoryMessages.RESERVATION_CONFIRMED,
                        new ReservationConfirmed(
                                confirmed.reservation().id().value(),
                                confirmed.reservation().orderId(),
                                lines(confirmed.reservation().lines())));
            case InventoryNews.ReservationConfirmationFailed failed ->
                reply(
                        failed.replyTo(),
                        failed.reservation(),
                        InventoryMessages.RESERVATION_CONFIRMATION_FAILED,
                        new ReservationConfirmationFailed(
                                failed.reservation().id().value(),
                                failed.reservation().orderId(),
                                failed.reason()));
            case InventoryNews.StockReleased released ->
                reply(
                        released.replyTo(),
                        released.reservation(),
                        InventoryMessages.STOCK_RELEASED,
                        new StockReleased(
                                released.reservation().id().value(),
                                released.reservation().orderId(),
                                released.reservation().reason(),
                                lines(released.reservation().lines())));
            case InventoryNews.StockLow low ->
                new PublishedNews(
                        InventoryMessages.EVENTS,
                        low.level().sku().value(),
                        InventoryMessages.STOCK_LOW,
                        new StockLow(low.level().sku().value(), low.level().available(), low.threshold()));
        };
    }

    private static PublishedNews reply(String topic, Reservation reservation, String type, Object payload) {
        return new PublishedNews(topic, reservation.id().value(), type, payload);
    }

    private static List<io.polyshop.inventory.api.StockLine> lines(List<StockLine> lines) {
        return lines.stream()
                .map(line -> new io.polyshop.inventory.api.StockLine(line.sku().value(), line.quantity()))
                .toList();
    }
}
