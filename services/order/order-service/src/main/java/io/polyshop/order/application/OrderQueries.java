package io.polyshop.order.application;

import io.polyshop.order.application.port.out.Orders;
import io.polyshop.order.domain.Order;
import io.polyshop.order.domain.OrderId;
import java.util.List;

/** Reading orders. Who may see which is the caller's concern. */
public class OrderQueries {

    private final Orders orders;

    public OrderQueries(Orders orders) {
        this.orders = orders;
    }

    public Order order(OrderId id) {
        return orders.find(id).orElseThrow(() -> new UnknownOrderException(id));
    }

    public ResultPage ofCustomer(String customerId, int page, int size) {
        return orders.ofCustomer(customerId, page, size);
    }

    /** Orders whose undoing went unanswered every time: an operator's list, oldest first. */
    public List<Order> needingAttention(int limit) {
        return orders.needingAttention(limit);
    }

    public long countNeedingAttention() {
        return orders.countNeedingAttention();
    }
}
