package io.polyshop.notification.domain;

import static io.polyshop.notification.domain.Variable.list;
import static io.polyshop.notification.domain.Variable.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a notification tells the customer, and the variables its templates may use. */
public enum NotificationType {
    USER_REGISTERED(),
    ORDER_CONFIRMED(
            text("orderId", "7d0c2f4e-5b1a-4c7e-9f00-1a2b3c4d5e6f"),
            text("grandTotal", "104.90"),
            text("currency", "EUR"),
            list(
                    "lines",
                    List.of(
                            Map.of("sku", "LAP-0001", "quantity", "1", "unitPrice", "89.00"),
                            Map.of("sku", "TSH-0042-M", "quantity", "2", "unitPrice", "7.95")))),
    ORDER_REJECTED(
            text("orderId", "7d0c2f4e-5b1a-4c7e-9f00-1a2b3c4d5e6f"),
            text("reason", "Your card was declined; nothing was charged.")),
    ORDER_CANCELLED(
            text("orderId", "7d0c2f4e-5b1a-4c7e-9f00-1a2b3c4d5e6f"), text("reason", "Cancelled at your request.")),
    PAYMENT_REFUNDED(
            text("orderId", "7d0c2f4e-5b1a-4c7e-9f00-1a2b3c4d5e6f"),
            text("amount", "104.90"),
            text("currency", "EUR"),
            text("reason", "Order cancelled"));

    /** Every notification knows whom it greets. */
    public static final String CUSTOMER_NAME = "customerName";

    private final List<Variable> variables;

    NotificationType(Variable... own) {
        List<Variable> all = new ArrayList<>();
        all.add(text(CUSTOMER_NAME, "Ada Lovelace"));
        all.addAll(List.of(own));
        this.variables = List.copyOf(all);
    }

    public List<Variable> variables() {
        return variables;
    }

    /** Values for every variable, as a preview renders them. */
    public Map<String, Object> sampleValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        variables.forEach(variable -> values.put(variable.name(), variable.sample()));
        return values;
    }
}
