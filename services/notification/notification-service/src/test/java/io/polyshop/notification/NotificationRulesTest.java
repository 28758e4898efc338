package io.polyshop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polyshop.notification.adapter.out.mustache.MustacheTemplateRenderer;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.CustomerId;
import io.polyshop.notification.domain.Delivery;
import io.polyshop.notification.domain.DeliveryStateException;
import io.polyshop.notification.domain.DeliveryStatus;
import io.polyshop.notification.domain.Notification;
import io.polyshop.notification.domain.NotificationId;
import io.polyshop.notification.domain.NotificationType;
import io.polyshop.notification.domain.Preferences;
import io.polyshop.notification.domain.RenderedMessage;
import io.polyshop.notification.domain.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final RetryPolicy RETRIES = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(5));
    private static final RenderedMessage MESSAGE = new RenderedMessage("a@example.test", "Hi", "<p>Hi</p>");

    private final MustacheTemplateRenderer renderer = new MustacheTemplateRenderer();

    @Test
    void backsOffTwiceAsLongAfterEachFailureUpToTheLongestWait() {
        assertThat(RETRIES.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RETRIES.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RETRIES.backoffAfter(3)).isEqualTo(Duration.ofSeconds(5));
        assertThat(RETRIES.backoffAfter(40)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aFailedAttemptIsDueAgainAfterTheBackoffAndTheLastOneIsDead() {
        Delivery first = Delivery.due(Channel.EMAIL, NOW).claimed(NOW, Duration.ofMinutes(1));
        assertThat(first.status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.isDueAt(NOW)).isFalse();
        assertThat(first.isDueAt(NOW.plus(Duration.ofMinutes(1))))
                .as("a lost sender's hold ran out")
                .isTrue();

        Delivery retry = first.failed(NOW, Optional.of(MESSAGE), "connection refused", RETRIES);
        assertThat(retry.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(retry.dueAt()).contains(NOW.plusSeconds(2));
        assertThat(retry.message()).contains(MESSAGE);
        assertThat(retry.isDueAt(NOW.plusSeconds(1))).isFalse();

        Delivery dead = retry.claimed(NOW.plusSeconds(2), Duration.ofMinutes(1))
                .failed(NOW.plusSeconds(2), Optional.empty(), "connection refused", RETRIES)
                .claimed(NOW.plusSeconds(6), Duration.ofMinutes(1))
                .failed(NOW.plusSeconds(6), Optional.empty(), "connection refused", RETRIES);
        assertThat(dead.status()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.dueAt()).isEmpty();
        assertThat(dead.log().getLast().detail()).isEqualTo("gave up after 3 attempts: connection refused");
        assertThat(dead.message()).as("kept from the first attempt").contains(MESSAGE);
    }

    @Test
    void onlyADeadDeliveryCanBeSentAgainAndItGetsFreshAttempts() {
        Delivery sending = Delivery.due(Channel.EMAIL, NOW).claimed(NOW, Duration.ofMinutes(1));
        Delivery sent = sending.sent(NOW, MESSAGE, "<id@smtp>");
        assertThatThrownBy(() -> sent.resent(NOW, "admin")).isInstanceOf(DeliveryStateException.class);
        assertThatThrownBy(() -> sent.claimed(NOW, Duration.ofMinutes(1))).isInstanceOf(DeliveryStateException.class);

        Delivery dead = new Delivery(
                Channel.EMAIL,
                DeliveryStatus.DEAD,
                6,
                Optional.empty(),
                Optional.of(MESSAGE),
                Optional.empty(),
                java.util.List.of());
        Delivery again = dead.resent(NOW, "admin ops-1");
        assertThat(again.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(again.attempts()).isZero();
        assertThat(again.isDueAt(NOW)).isTrue();
        assertThat(again.log().getLast().detail()).isEqualTo("sent again by admin ops-1");
    }

    @Test
    void raisesNoDeliveryOnAChannelTheCustomerOptedOutOfAndWritesInTheirLocale() {
        CustomerId customer = new CustomerId("c-1");
        Notification notification = Notification.raise(
                NotificationId.forEvent("/test", "e-1", NotificationType.ORDER_REJECTED),
                customer,
                NotificationType.ORDER_REJECTED,
                Map.of("orderId", "o-1", "reason", "declined"),
                NOW,
                EnumSet.allOf(Channel.class),
                new Preferences(customer, Set.of(Channel.EMAIL), "de-CH"));

        assertThat(notification.locale()).isEqualTo("de-CH");
        assertThat(notification.delivery(Channel.EMAIL).orElseThrow().status()).isEqualTo(DeliveryStatus.OPTED_OUT);
        assertThat(notification.delivery(Channel.EMAIL).orElseThrow().isDueAt(NOW))
                .isFalse();
        assertThat(notification.delivery(Channel.WEBHOOK).orElseThrow().isDueAt(NOW))
                .isTrue();
    }

    @Test
    void theSameEventAlwaysNamesTheSameNotification() {
        assertThat(NotificationId.forEvent("/order", "e-1", NotificationType.ORDER_CONFIRMED))
                .isEqualTo(NotificationId.forEvent("/order", "e-1", NotificationType.ORDER_CONFIRMED))
                .isNotEqualTo(NotificationId.forEvent("/order", "e-2", NotificationType.ORDER_CONFIRMED));
    }

    @Test
    void escapesValuesInHtmlButNotInPlainTextAndKeepsSubjectsOnOneLine() {
        Map<String, Object> values = Map.of("customerName", "<b>Eve</b>\r\nBcc: x@example.test");
        assertThat(renderer.render("<p>{{customerName}}</p>", values, Channel.Markup.HTML, false))
                .isEqualTo("<p>&lt;b&gt;Eve&lt;/b&gt;\r\nBcc: x@example.test</p>");
        assertThat(renderer.render("Hi {{customerName}}", values, Channel.Markup.PLAIN_TEXT, true))
                .isEqualTo("Hi <b>Eve</b> Bcc: x@example.test");
    }

    @Test
    void acceptsATemplateThatUsesItsTypesVariables() {
        assertThat(renderer.problems(
                        NotificationType.ORDER_CONFIRMED,
                        "{{customerName}}: {{#lines}}{{sku}} x{{quantity}} {{/lines}}{{^lines}}none{{/lines}}"))
                .isEmpty();
    }

    @Test
    void refusesUnknownVariablesBrokenSyntaxAndUnescapedOutput() {
        assertThat(renderer.problems(NotificationType.ORDER_REJECTED, "{{password}}"))
                .singleElement()
                .asString()
                .startsWith("unknown variable 'password'");
        assertThat(renderer.problems(NotificationType.ORDER_REJECTED, "{{#reason}}open"))
                .singleElement()
                .asString()
                .startsWith("broken syntax");
        assertThat(renderer.problems(NotificationType.ORDER_REJECTED, "Order {{orderId}"))
                .singleElement()
                .asString()
                .startsWith("broken syntax");
        for (String unescaped : new String[] {"{{{reason}}}", "{{& reason}}", "{{> header}}", "{{=<% %>=}}"}) {
            assertThat(renderer.problems(NotificationType.ORDER_REJECTED, unescaped))
                    .as(unescaped)
                    .singleElement()
                    .asString()
                    .startsWith("only escaped variables");
        }
        assertThat(renderer.problems(NotificationType.ORDER_CONFIRMED, "{{sku}}"))
                .as("a list item's field outside its list")
                .singleElement()
                .asString()
                .startsWith("does not render with sample values");
    }
}
