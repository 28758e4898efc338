package io.polyshop.notification.adapter.out.webhook;

import io.polyshop.notification.application.port.out.DeliveryFailedException;
import io.polyshop.notification.application.port.out.NotificationChannel;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationId;
import io.polyshop.notification.domain.Recipient;
import io.polyshop.notification.domain.RenderedMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Posts each notification as JSON to one configured endpoint (a messaging gateway, a chat bot). The
 * notification id goes along as {@code Idempotency-Key}, the trace in {@code traceparent}; any 2xx
 * answer is acceptance, and the endpoint's {@code X-Message-Id}, if it sends one, is the provider's id.
 */
public class WebhookChannel implements NotificationChannel {

    /** The body the endpoint receives. */
    record WebhookMessage(String notificationId, String customerId, String subject, String text) {}

    private final RestClient endpoint;

    /** {@code endpoint} is built with the endpoint's address and timeouts. */
    public WebhookChannel(RestClient endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public String addressOf(Recipient recipient) {
        return recipient.customer().value();
    }

    @Override
    public String send(NotificationId id, RenderedMessage message) {
        try {
            ResponseEntity<Void> answer = endpoint.post()
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", id.toString())
                    .body(new WebhookMessage(id.toString(), message.to(), message.subject(), message.body()))
                    .retrieve()
                    .toBodilessEntity();
            String messageId = answer.getHeaders().getFirst("X-Message-Id");
            return messageId == null ? "webhook:" + id : messageId;
        } catch (RestClientResponseException refused) {
            throw new DeliveryFailedException(
                    "the webhook answered " + refused.getStatusCode().value(), refused);
        } catch (ResourceAccessException unreachable) {
            throw new DeliveryFailedException(
                    "the webhook could not be reached: " + unreachable.getMessage(), unreachable);
        }
    }
}
