package io.polyshop.platform.messaging;

import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * How a service proves itself to Kafka, applied to every client it makes (listeners, templates,
 * admin, the dead-letter reader), since all of them are built from Spring Boot's {@link
 * KafkaProperties}.
 *
 * <p>{@code polyshop.kafka.authentication} is {@code scram} (SASL/SCRAM with {@code
 * polyshop.kafka.username} and {@code .password}, over TLS when {@code spring.kafka.ssl} names a
 * trust store), {@code mtls} (a client certificate from {@code spring.kafka.ssl}), or {@code none}.
 * It is {@code scram} unless the {@code devstack} profile is active, whose broker is on loopback and
 * started by the platform itself: a service deployed anywhere else does not start without
 * credentials rather than talk to an open broker.
 */
final class KafkaAuthentication implements BeanPostProcessor {

    static final String PREFIX = "polyshop.kafka";
    static final String DEFAULT_MECHANISM = "SCRAM-SHA-512";

    enum Mode {
        NONE,
        SCRAM,
        MTLS
    }

    record Settings(Mode authentication, String username, String password, String mechanism) {}

    private final Environment environment;

    KafkaAuthentication(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof KafkaProperties kafka) {
            apply(settings(), kafka);
        }
        return bean;
    }

    Settings settings() {
        Binder binder = Binder.get(environment);
        Mode fallback = environment.acceptsProfiles(Profiles.of("devstack")) ? Mode.NONE : Mode.SCRAM;
        return new Settings(
                binder.bind(PREFIX + ".authentication", String.class)
                        .map(mode -> Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT)))
                        .orElse(fallback),
                binder.bind(PREFIX + ".username", String.class).orElse(null),
                binder.bind(PREFIX + ".password", String.class).orElse(null),
                binder.bind(PREFIX + ".mechanism", String.class).orElse(DEFAULT_MECHANISM));
    }

    static void apply(Settings settings, KafkaProperties kafka) {
        KafkaProperties.Ssl ssl = kafka.getSsl();
        boolean trustsATlsBroker = ssl.getBundle() != null || ssl.getTrustStoreLocation() != null;
        switch (settings.authentication()) {
            case NONE -> {}
            case SCRAM -> {
                if (isBlank(settings.username()) || isBlank(settings.password())) {
                    throw new IllegalStateException("Kafka needs credentials outside the devstack profile: set"
                            + " POLYSHOP_KAFKA_USERNAME and POLYSHOP_KAFKA_PASSWORD (SASL/SCRAM), or"
                            + " POLYSHOP_KAFKA_AUTHENTICATION=mtls with SPRING_KAFKA_SSL_*, or =none for a"
                            + " broker that takes anyone");
                }
                kafka.getSecurity().setProtocol(trustsATlsBroker ? "SASL_SSL" : "SASL_PLAINTEXT");
                kafka.getProperties().put("sasl.mechanism", settings.mechanism());
                kafka.getProperties().put("sasl.jaas.config", scramLogin(settings.username(), settings.password()));
            }
            case MTLS -> {
                boolean hasCertificate = ssl.getBundle() != null || ssl.getKeyStoreLocation() != null;
                if (!hasCertificate || !trustsATlsBroker) {
                    throw new IllegalStateException("polyshop.kafka.authentication=mtls needs a client certificate"
                            + " and a trust store: set spring.kafka.ssl.bundle, or"
                            + " spring.kafka.ssl.key-store-location and trust-store-location");
                }
                kafka.getSecurity().setProtocol("SSL");
            }
        }
    }

    /** The JAAS line of a SCRAM login; quotes and backslashes in a password are escaped. */
    static String scramLogin(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + quoted(username)
                + "\" password=\"" + quoted(password) + "\";";
    }

    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
