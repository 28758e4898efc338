package io.polyshop.order.application.port.out;

import io.polyshop.order.domain.Order;
import io.polyshop.order.domain.OrderNews;
import io.polyshop.order.domain.SagaCommand;

/** The saga's commands and the order's news, written in the transaction of the change behind them. */
public interface SagaMessages {

    void send(Order order, SagaCommand command);

    void announce(Order order, OrderNews news);
}
