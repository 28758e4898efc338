package io.polyshop.platform.security;

import io.polyshop.platform.web.ResourceNotFoundException;
import org.springframework.security.access.AccessDeniedException;

/**
 * "This resource belongs to customer X", checked at the use case. A caller who may not even see
 * it gets 404, exactly as if it did not exist, so its existence does not leak; one who may see it
 * but not change it (support staff) gets 403 on a change.
 *
 * <pre>{@code
 * Order order = orders.order(id);
 * Ownership.requireWriter(OwnedResource.ORDER, order.customerId(), id);
 * }</pre>
 */
public final class Ownership {

    private Ownership() {}

    /** The owner, or a caller with the resource's {@code read-any}; 404 for anybody else. */
    public static void requireReader(OwnedResource resource, String ownerId, Object id) {
        Caller caller = Caller.current().orElseThrow(() -> new ResourceNotFoundException(resource.noun(), id));
        if (!resource.readableBy(caller, ownerId)) {
            throw new ResourceNotFoundException(resource.noun(), id);
        }
    }

    /** The owner, or a caller with the resource's {@code write-any}; 403 for a reader, 404 for anybody else. */
    public static void requireWriter(OwnedResource resource, String ownerId, Object id) {
        requireReader(resource, ownerId, id);
        Caller caller = Caller.current().orElseThrow();
        if (!resource.writableBy(caller, ownerId)) {
            throw new AccessDeniedException("may see this " + resource.noun() + " but not change it");
        }
    }
}
