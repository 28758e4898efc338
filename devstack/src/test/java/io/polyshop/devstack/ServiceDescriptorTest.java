package io.polyshop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceDescriptorTest {

    @TempDir
    Path root;

    @Test
    void readsTheStoresAServiceOwnsWithTheirPorts() throws Exception {
        Path file = descriptor("""
                name=search
                port=8083
                jar=services/search/search-service/target/search-service.jar
                stores=opensearch
                opensearch.port=19200
                opensearch.transport-port=19300
                routes=/api/v1/search/**, /api/v1/suggestions/**
                """);

        ServiceDescriptor search = ServiceDescriptor.read(file, root, new PortSettings(Map.of()));

        assertThat(search.port()).isEqualTo(8083);
        assertThat(search.managementPort())
                .as("the service port + 1000 when not given")
                .isEqualTo(9083);
        assertThat(search.routes()).containsExactly("/api/v1/search/**", "/api/v1/suggestions/**");
        assertThat(search.summary()).endsWith("[opensearch]");
        assertThat(search.stores()).singleElement().satisfies(store -> {
            assertThat(store.name()).isEqualTo("search-opensearch");
            assertThat(store.port()).isEqualTo(19200);
            assertThat(store.transportPort()).isEqualTo(19300);
        });
    }

    @Test
    void letsAnEnvironmentVariableOverrideAnyPort() throws Exception {
        Path file = descriptor("name=cart\nport=8084\njar=cart.jar\nstores=redis\nredis.port=16379\n");

        ServiceDescriptor cart =
                ServiceDescriptor.read(file, root, new PortSettings(Map.of("POLYSHOP_PORT_CART_REDIS_PORT", "26379")));

        assertThat(cart.stores().getFirst().port()).isEqualTo(26379);
    }

    @Test
    void namesTheFileAndTheProblemWhenAStoreIsUnknown() throws Exception {
        Path file = descriptor("name=cart\nport=8084\njar=cart.jar\nstores=cassandra\n");

        assertThatThrownBy(() -> ServiceDescriptor.read(file, root, new PortSettings(Map.of())))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("services/broken.properties")
                .hasMessageContaining("unknown store 'cassandra'");
    }

    @Test
    void refusesAPortThatIsNotANumberInRange() throws Exception {
        Path file = descriptor("name=cart\nport=8084\njar=cart.jar\nstores=redis\nredis.port=16379\n");

        assertThatThrownBy(() ->
                        ServiceDescriptor.read(file, root, new PortSettings(Map.of("POLYSHOP_PORT_CART_PORT", "80"))))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("POLYSHOP_PORT_CART_PORT")
                .hasMessageContaining("between 1024 and 65535");
    }

    @Test
    void requiresTheJarLocation() throws Exception {
        Path file = descriptor("name=cart\nport=8084\nstores=\n");

        assertThatThrownBy(() -> ServiceDescriptor.read(file, root, new PortSettings(Map.of())))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("'jar' is missing");
    }

    private Path descriptor(String text) throws Exception {
        Path file = root.resolve("services/broken.properties");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
