package io.polyshop.platform.messaging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The operator's view of the outbox, whichever store it is in: after every outbox is wired. */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean({OutboxBacklog.class, ParkedEvents.class, OperatorActions.class})
public class OutboxEndpointAutoConfiguration {

    @Bean
    OutboxEndpoint outboxEndpoint(OutboxBacklog backlog, ParkedEvents parked, OperatorActions actions) {
        return new OutboxEndpoint(backlog, parked, actions);
    }
}
