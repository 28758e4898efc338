package io.polyshop.notification.adapter.in.web;

import io.polyshop.notification.domain.InvalidNotificationException;

/** The page and size every list of this API accepts. */
final class Paging {

    static final int MAX_SIZE = 100;

    private Paging() {}

    static void check(int page, int size) {
        if (page < 0) {
            throw new InvalidNotificationException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidNotificationException("size", "must be between 1 and " + MAX_SIZE);
        }
    }
}
