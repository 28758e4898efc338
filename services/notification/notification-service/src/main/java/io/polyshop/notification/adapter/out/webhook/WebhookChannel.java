package io.polyshop.notification.adapter.out.webhook;

import io.polyshop.notification.application.port.out.DeliveryFailedException;
import io.polyshop.notification.application.port.out.NotificationChannel;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationId;
import io.polyshop.notification.domain.Recipient;
import io.polyshop.notification.domain.RenderedMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts each notification as JSON to one configured endpoint (a messaging gateway, a chat bot). The
 * notification id goes along as {@code Idempotency-Key}; any 2xx answer is acceptance, and the
 * endpoint's {@code X-Message-Id}, if it sends one, is the provider's id.
 */
public class WebhookChannel implements NotificationChannel {

    private final HttpClient http;
    private final URI endpoint;
    private final Duration timeout;
    private final JsonMapper json;

    public WebhookChannel(URI endpoint, Duration timeout, JsonMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.json = json;
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
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("notificationId", id.toString());
        payload.put("customerId", message.to());
        payload.put("subject", message.subject());
        payload.put("text", message.body());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", id.toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload)))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailedException("the webhook answered " + response.statusCode(), null);
            }
            return response.headers().firstValue("X-Message-Id").orElse("webhook:" + id);
        } catch (IOException unreachable) {
            throw new DeliveryFailedException(
                    "the webhook could not be reached: " + unreachable.getMessage(), unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while calling the webhook", interrupted);
        }
    }
}
