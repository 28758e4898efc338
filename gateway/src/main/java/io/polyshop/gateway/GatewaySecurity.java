package io.polyshop.gateway;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway checks every token (RS256, identity's JWKS, unexpired, right issuer) before routing;
 * the services check it again. Declared public endpoints, health and API docs need none.
 */
@Configuration
class GatewaySecurity {

    @Bean
    ReactiveJwtDecoder jwtDecoder(
            @Value("${polyshop.security.jwks-uri}") String jwksUri,
            @Value("${polyshop.security.issuer:}") String issuer) {
        // Identity's keys within seconds, or the token is refused for now.
        HttpClient keysClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .responseTimeout(Duration.ofSeconds(5));
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(WebClient.builder()
                        .clientConnector(new ReactorClientHttpConnector(keysClient))
                        .build())
                .build();
        decoder.setJwtValidator(
                issuer.isBlank() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer));
        return decoder;
    }

    /** 401 as a problem; it never says why a token failed. */
    private static final ServerAuthenticationEntryPoint UNAUTHORIZED = (exchange, failure) -> {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        return ProblemResponses.write(
                exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "A valid bearer token is required.");
    };

    @Bean
    SecurityWebFilterChain tokenCheckingFilterChain(
            ServerHttpSecurity http, ReactiveJwtDecoder decoder, GatewaySettings settings) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .cors(cors -> {})
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(HttpMethod.OPTIONS).permitAll();
                    exchanges.pathMatchers(HttpMethod.GET, ApiDocs.PUBLIC_PATHS).permitAll();
                    // Probes on the gateway's port; health and metrics on its loopback management port.
                    exchanges
                            .pathMatchers(
                                    "/livez",
                                    "/readyz",
                                    "/actuator/health/**",
                                    "/actuator/health",
                                    "/actuator/prometheus")
                            .permitAll();
                    // The gateway has no operator commands: nobody gets the rest of the actuator.
                    exchanges.pathMatchers("/actuator/**").denyAll();
                    for (String entry : settings.publicEndpoints()) {
                        String[] parts = entry.strip().split("\\s+");
                        exchanges
                                .pathMatchers(HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1])
                                .permitAll();
                    }
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(
                        server -> server.jwt(jwt -> jwt.jwtDecoder(decoder)).authenticationEntryPoint(UNAUTHORIZED))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(UNAUTHORIZED)
                        .accessDeniedHandler((exchange, denied) -> ProblemResponses.write(
                                exchange,
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "Forbidden",
                                "Your role does not allow this.")));
        return http.build();
    }
}
