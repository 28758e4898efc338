package io.polyshop.notification.application;

import io.polyshop.notification.application.port.out.Recipients;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.CustomerId;
import io.polyshop.notification.domain.Preferences;
import java.util.Set;

/** A customer's say in what reaches them; applies to notifications raised from then on. */
public class PreferenceSettings {

    private final Recipients recipients;

    public PreferenceSettings(Recipients recipients) {
        this.recipients = recipients;
    }

    public Preferences of(CustomerId customer) {
        return recipients.preferences(customer);
    }

    public Preferences change(CustomerId customer, Set<Channel> optedOut, String locale) {
        Preferences preferences = new Preferences(customer, optedOut, locale);
        recipients.save(preferences);
        return preferences;
    }
}
