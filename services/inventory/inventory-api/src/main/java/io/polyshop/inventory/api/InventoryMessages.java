package io.polyshop.inventory.api;

/**
 * Where inventory's messages travel and the CloudEvents types they carry. Saga commands arrive on
 * {@link #COMMANDS} keyed by reservation id; each names the topic its reply goes to. Events about
 * stock (not replies) go to {@link #EVENTS} keyed by SKU.
 */
public final class InventoryMessages {

    public static final String COMMANDS = "inventory.commands";
    public static final String EVENTS = "inventory.events";

    public static final String RESERVE_STOCK = "polyshop.inventory.reserve-stock.v1";
    public static final String CONFIRM_RESERVATION = "polyshop.inventory.confirm-reservation.v1";
    public static final String RELEASE_STOCK = "polyshop.inventory.release-stock.v1";

    public static final String STOCK_RESERVED = "polyshop.inventory.stock-reserved.v1";
    public static final String STOCK_RESERVATION_FAILED = "polyshop.inventory.stock-reservation-failed.v1";
    public static final String RESERVATION_CONFIRMED = "polyshop.inventory.reservation-confirmed.v1";
    public static final String RESERVATION_CONFIRMATION_FAILED =
            "polyshop.inventory.reservation-confirmation-failed.v1";
    public static final String STOCK_RELEASED = "polyshop.inventory.stock-released.v1";

    public static final String STOCK_LOW = "polyshop.inventory.stock-low.v1";

    private InventoryMessages() {}
}
