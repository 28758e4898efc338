package io.polyshop.identity.adapter.out.postgres;

import io.polyshop.identity.api.IdentityEvents;
import io.polyshop.identity.api.UserRegistered;
import io.polyshop.identity.application.port.out.AccountEvents;
import io.polyshop.identity.domain.User;
import io.polyshop.platform.messaging.Outbox;
import java.time.Clock;

/** Identity's events go through the PostgreSQL outbox, in the transaction of the change. */
public class OutboxAccountEvents implements AccountEvents {

    private final Outbox outbox;
    private final Clock clock;

    public OutboxAccountEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void userRegistered(User user) {
        outbox.append(
                IdentityEvents.TOPIC,
                user.id().toString(),
                IdentityEvents.USER_REGISTERED,
                new UserRegistered(user.id().value(), user.email().value(), user.displayName(), clock.instant()));
    }
}
