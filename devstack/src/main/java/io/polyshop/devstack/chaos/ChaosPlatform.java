package io.polyshop.devstack.chaos;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a chaos run needs from the platform it shakes: where the checkout's services answer,
 * customers and an operator, products on sale, the e-mail the shop sent, and the handles its
 * faults pull. The devstack ({@code ./polyshop chaos}) and the end-to-end tests each provide one.
 */
public interface ChaosPlatform {

    /**
     * A signed-in customer whose e-mail address the notification service knows; {@code tokens}
     * answers a token that is still valid (a run outlasts one).
     */
    record Customer(String id, String email, Supplier<String> tokens) {

        public String token() {
            return tokens.get();
        }
    }

    /** One e-mail as the shop's SMTP server accepted it. */
    record Mail(String subject, String messageId) {}

    /** {@code order}, {@code payment} or {@code inventory}. */
    URI service(String name);

    String kafkaBootstrapServers();

    List<Customer> customers(int count);

    /** A token with the ADMIN role, valid for some minutes. */
    String operatorToken();

    /**
     * Puts {@code count} new products on sale, named after {@code label}, and answers their SKUs
     * (the order service may learn their prices a moment later).
     */
    List<String> productsOnSale(String label, int count);

    List<Mail> mailsTo(String email);

    /** Ends the service's JVM at once, as {@code kill -9} does. */
    void kill(String service);

    /** Starts the service again and returns once it is ready. */
    void restart(String service);

    /** Stops an engine: {@code kafka}, {@code order-postgres}, {@code payment-postgres}, {@code inventory-dynamodb}. */
    void stop(String engine);

    /** Starts the engine again on the same data and returns once it is running. */
    void start(String engine);
}
