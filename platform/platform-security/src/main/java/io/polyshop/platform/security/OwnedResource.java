package io.polyshop.platform.security;

/** A kind of resource that belongs to one customer, with the permissions that reach it. */
public enum OwnedResource {
    CART("cart", Permission.CART_OWN, Permission.CART_READ_ANY, Permission.CART_WRITE_ANY),
    ORDER("order", Permission.ORDER_OWN, Permission.ORDER_READ_ANY, Permission.ORDER_WRITE_ANY),
    PAYMENT("payment", Permission.PAYMENT_OWN, Permission.PAYMENT_READ_ANY, null),
    NOTIFICATION(
            "notification",
            Permission.NOTIFICATION_OWN,
            Permission.NOTIFICATION_READ_ANY,
            Permission.NOTIFICATION_WRITE_ANY);

    private final String noun;
    private final Permission own;
    private final Permission readAny;
    private final Permission writeAny;

    OwnedResource(String noun, Permission own, Permission readAny, Permission writeAny) {
        this.noun = noun;
        this.own = own;
        this.readAny = readAny;
        this.writeAny = writeAny;
    }

    public String noun() {
        return noun;
    }

    boolean readableBy(Caller caller, String ownerId) {
        return isOwnersOwn(caller, ownerId) || caller.can(readAny);
    }

    boolean writableBy(Caller caller, String ownerId) {
        return isOwnersOwn(caller, ownerId) || (writeAny != null && caller.can(writeAny));
    }

    private boolean isOwnersOwn(Caller caller, String ownerId) {
        return caller.id().equals(ownerId) && caller.can(own);
    }
}
