package io.polyshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTest {

    private final ClientAddresses behindBalancers = new ClientAddresses(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void believesTheHeaderOnlyFromATrustedProxy() {
        assertThat(behindBalancers.of(request("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
        assertThat(new ClientAddresses(List.of()).of(request("10.1.2.3", "198.51.100.1")))
                .isEqualTo("10.1.2.3");
    }

    @Test
    void takesTheNearestAddressThatIsNotAProxy() {
        assertThat(behindBalancers.of(request("10.1.2.3", "6.6.6.6, 203.0.113.7, 10.9.9.9")))
                .isEqualTo("203.0.113.7");
        assertThat(behindBalancers.of(request("fd12::1", "2001:db8::42"))).isEqualTo("2001:db8::42");
    }

    @Test
    void neverLooksUpANameAClientWroteIntoTheHeader() {
        assertThat(behindBalancers.of(request("10.1.2.3", "evil.example, 10.2.2.2")))
                .isEqualTo("evil.example");
        assertThat(behindBalancers.of(request("10.1.2.3", ""))).isEqualTo("10.1.2.3");
    }

    private static MockServerHttpRequest request(String peer, String forwardedFor) {
        return MockServerHttpRequest.get("/api/v1/orders")
                .remoteAddress(new InetSocketAddress(peer, 40_000))
                .header(ClientAddresses.FORWARDED_FOR, forwardedFor)
                .build();
    }
}
