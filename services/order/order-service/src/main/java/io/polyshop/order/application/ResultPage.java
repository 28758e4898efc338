package io.polyshop.order.application;

import io.polyshop.order.domain.Order;
import java.util.List;

/** One page of a customer's orders, newest first, and whether more follow. */
public record ResultPage(List<Order> orders, boolean more) {}
