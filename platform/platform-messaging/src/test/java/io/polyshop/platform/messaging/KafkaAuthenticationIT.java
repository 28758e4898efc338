package io.polyshop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polyshop.platform.engines.KafkaEngine;
import io.polyshop.platform.engines.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A broker that admits only authenticated clients, as outside the devstack: a service with its
 * credentials produces, anybody else gets nothing, and a service without credentials does not start.
 */
class KafkaAuthenticationIT {

    private static final String USER = "order";
    private static final String PASSWORD = "order-" + UUID.randomUUID();

    private static KafkaEngine broker;

    @BeforeAll
    static void startAnAuthenticatingBroker() throws Exception {
        List<Integer> ports = LoopbackPorts.free(2);
        Path directory = Files.createTempDirectory("polyshop-kafka-scram");
        broker = KafkaEngine.startAuthenticating(ports.get(0), ports.get(1), directory, Map.of(USER, PASSWORD));
    }

    @AfterAll
    static void stopTheBroker() {
        broker.close();
    }

    @Configuration(proxyBeanMethods = false)
    static class Authenticated {

        @Bean
        static KafkaAuthentication kafkaAuthentication(Environment environment) {
            return new KafkaAuthentication(environment);
        }
    }

    private static ApplicationContextRunner service() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
                .withUserConfiguration(Authenticated.class)
                .withPropertyValues("spring.kafka.bootstrap-servers=" + broker.address());
    }

    @Test
    void aServiceWithItsCredentialsPublishes() {
        service()
                .withPropertyValues("polyshop.kafka.username=" + USER, "polyshop.kafka.password=" + PASSWORD)
                .run(context -> {
                    KafkaProperties kafka = context.getBean(KafkaProperties.class);
                    assertThat(kafka.getSecurity().getProtocol()).isEqualTo("SASL_PLAINTEXT");
                    @SuppressWarnings("unchecked")
                    KafkaTemplate<Object, Object> template = context.getBean(KafkaTemplate.class);
                    var sent = template.send("kafka-authentication-check", "key", "value")
                            .get(60, TimeUnit.SECONDS);
                    assertThat(sent.getRecordMetadata().offset()).isNotNegative();
                });
    }

    @Test
    void aWrongPasswordIsRefusedByTheBroker() {
        service()
                .withPropertyValues("polyshop.kafka.username=" + USER, "polyshop.kafka.password=guessed")
                .run(context -> {
                    KafkaProperties kafka = context.getBean(KafkaProperties.class);
                    try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
                        assertThatThrownBy(() -> admin.describeCluster().nodes().get(60, TimeUnit.SECONDS))
                                .isInstanceOf(ExecutionException.class)
                                .hasCauseInstanceOf(SaslAuthenticationException.class);
                    }
                });
    }

    @Test
    void aClientWithoutCredentialsGetsNothing() {
        try (Admin stranger = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.address(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000))) {
            assertThatThrownBy(() -> stranger.listTopics().names().get()).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void aServiceWithoutCredentialsDoesNotStartOutsideTheDevstack() {
        service()
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("Kafka needs credentials outside the devstack profile")
                        .hasMessageContaining("POLYSHOP_KAFKA_USERNAME"));
    }

    @Test
    void theDevstackTalksToItsLoopbackBrokerWithoutCredentials() {
        service().withPropertyValues("spring.profiles.active=devstack").run(context -> {
            KafkaProperties kafka = context.getBean(KafkaProperties.class);
            assertThat(kafka.getSecurity().getProtocol()).isNull();
            assertThat(kafka.getProperties()).doesNotContainKey("sasl.jaas.config");
        });
    }

    @Test
    void mutualTlsNeedsACertificateAndATrustStore() {
        service()
                .withPropertyValues("polyshop.kafka.authentication=mtls")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("needs a client certificate and a trust store"));
    }
}
