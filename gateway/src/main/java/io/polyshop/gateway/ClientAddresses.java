package io.polyshop.gateway;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who the client behind a request is: the peer that connected, unless that peer is one of the
 * configured proxies in front of the gateway (a load balancer), in which case the nearest address in
 * its {@code X-Forwarded-For} that is not a trusted proxy. A client cannot choose its own address by
 * sending the header: from anybody else it is ignored.
 */
final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    /** An IPv4 or IPv6 literal: anything else in the header is never looked up in DNS. */
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Range> trustedProxies;

    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(Range::parse).toList();
    }

    String of(ServerHttpRequest request) {
        String peer = Optional.ofNullable(request.getRemoteAddress())
                .map(InetSocketAddress::getAddress)
                .map(address -> address.getHostAddress())
                .orElse("unknown");
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> forwarded = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty(FORWARDED_FOR)) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    forwarded.add(entry.strip());
                }
            }
        }
        String client = peer;
        for (int i = forwarded.size() - 1; i >= 0 && isTrusted(client); i--) {
            client = forwarded.get(i);
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return literal(address)
                .map(ip -> trustedProxies.stream().anyMatch(range -> range.contains(ip)))
                .orElse(false);
    }

    private static Optional<InetAddress> literal(String address) {
        if (!ADDRESS_LITERAL.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    /** An address range in CIDR notation ({@code 10.0.0.0/8}); a bare address is a range of one. */
    private record Range(byte[] network, int prefixBits) {

        static Range parse(String cidr) {
            String[] parts = cidr.strip().split("/", 2);
            InetAddress network =
                    literal(parts[0]).orElseThrow(() -> new IllegalArgumentException("not an address range: " + cidr));
            int bits = network.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("not an address range: " + cidr);
            }
            return new Range(network.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
