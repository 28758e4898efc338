package io.polyshop.order.application;

import java.util.List;

/** Prices moved since the customer saw them; they are asked to look again. Nothing was stored. */
public class StalePricesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<CatalogPrice> current;

    public StalePricesException(List<CatalogPrice> current) {
        super("Prices changed since they were shown; please review the current prices.");
        this.current = List.copyOf(current);
    }

    public List<CatalogPrice> current() {
        return current;
    }
}
