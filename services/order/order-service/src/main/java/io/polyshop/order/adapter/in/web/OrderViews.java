package io.polyshop.order.adapter.in.web;

import io.polyshop.order.domain.Money;
import io.polyshop.order.domain.Order;
import io.polyshop.order.domain.PlaceOrderSaga;
import io.polyshop.order.domain.ShippingAddress;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the order API shows. The payment method's token never appears. */
final class OrderViews {

    private OrderViews() {}

    record OrderView(
            String orderId,
            String customerId,
            String status,
            boolean fromCart,
            List<LineView> lines,
            TotalsView totals,
            AddressView shippingAddress,
            List<HistoryView> history,
            SagaView saga,
            Instant placedAt) {}

    record LineView(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal total) {}

    record TotalsView(
            BigDecimal subtotal, BigDecimal shipping, BigDecimal tax, BigDecimal grandTotal, String currency) {}

    record AddressView(
            String recipient,
            String line1,
            @Schema(nullable = true) String line2,
            String city,
            String postalCode,
            String country) {

        static AddressView of(ShippingAddress address) {
            return new AddressView(
                    address.recipient(),
                    address.line1(),
                    address.line2(),
                    address.city(),
                    address.postalCode(),
                    address.country());
        }
    }

    record HistoryView(
            String status, @Schema(nullable = true) String reason, Instant at) {}

    record SagaView(String phase, String step, List<PlaceOrderSaga.LogEntry> log) {}

    record OrderSummary(String orderId, String status, BigDecimal grandTotal, String currency, Instant placedAt) {}

    record OrderPage(List<OrderSummary> orders, int page, int size, boolean more) {}

    static OrderView of(Order order) {
        Money total = order.totals().grandTotal();
        return new OrderView(
                order.id().toString(),
                order.customerId(),
                order.status().name(),
                order.fromCart(),
                order.lines().stream()
                        .map(line -> new LineView(
                                line.sku().value(),
                                line.name(),
                                line.quantity(),
                                line.unitPrice().amount(),
                                line.total().amount()))
                        .toList(),
                new TotalsView(
                        order.totals().subtotal().amount(),
                        order.totals().shipping().amount(),
                        order.totals().tax().amount(),
                        total.amount(),
                        total.currency().getCurrencyCode()),
                AddressView.of(order.address()),
                order.history().stream()
                        .map(change -> new HistoryView(change.status().name(), change.reason(), change.at()))
                        .toList(),
                new SagaView(
                        order.saga().phase().name(),
                        order.saga().step().name(),
                        order.saga().log()),
                order.placedAt());
    }

    static OrderSummary summary(Order order) {
        Money total = order.totals().grandTotal();
        return new OrderSummary(
                order.id().toString(),
                order.status().name(),
                total.amount(),
                total.currency().getCurrencyCode(),
                order.placedAt());
    }
}
