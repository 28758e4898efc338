package io.polyshop.platform.security;

import io.polyshop.platform.web.ProblemWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.client.RestTemplate;

/**
 * Every Polyshop service is an OAuth2 resource server by default: it accepts only RS256 tokens
 * signed by a key in identity's JWKS, within their validity (and from the configured issuer), takes
 * the caller from {@code sub}, the roles from the {@code roles} claim and the permissions from the
 * {@code permissions} claim. Requests need a token unless a {@link PublicEndpoints} bean lets them
 * through, and the permission a {@link GuardedEndpoints} bean names; health probes are always open,
 * the operator's endpoints (on the management port) need {@link Permission#PLATFORM_OPERATE}. A
 * token identity revoked ({@link TokenRevocations}) fails on the next request.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
@EnableMethodSecurity
public class ResourceServerAutoConfiguration {

    /** The claim identity writes the caller's permissions into ({@link Permission#authority()}). */
    public static final String PERMISSIONS_CLAIM = "permissions";

    @Bean
    AccessDeniedAdvice accessDeniedAdvice() {
        return new AccessDeniedAdvice();
    }

    @Bean
    @ConditionalOnMissingBean(TokenRevocations.class)
    TokenRevocations tokenRevocations(SecuritySettings settings) {
        return new TokenRevocations(settings.revocationsUrl());
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(SecuritySettings settings, TokenRevocations revocations) {
        // Identity's keys within seconds, or the token is refused for now (the default client waits for ever).
        SimpleClientHttpRequestFactory keysClient = new SimpleClientHttpRequestFactory();
        keysClient.setConnectTimeout(Duration.ofSeconds(2));
        keysClient.setReadTimeout(Duration.ofSeconds(5));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(new RestTemplate(keysClient))
                .build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                settings.issuer() == null || settings.issuer().isBlank()
                        ? JwtValidators.createDefault()
                        : JwtValidators.createDefaultWithIssuer(settings.issuer()),
                revocations);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, 10_000, Duration.ofMinutes(5));
    }

    /**
     * No security observations: the property {@code management.observations.enable.spring.security}
     * only silences them, while the filter chain is still wrapped filter by filter on every request.
     */
    @Bean
    @ConditionalOnMissingBean(SecurityObservationSettings.class)
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The caller's authorities: {@code ROLE_<role>} for each role, and each permission as it is spelt. */
    @Bean
    @ConditionalOnMissingBean(JwtAuthenticationConverter.class)
    JwtAuthenticationConverter jwtAuthenticationConverter(SecuritySettings settings) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(settings.rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtGrantedAuthoritiesConverter permissions = new JwtGrantedAuthoritiesConverter();
        permissions.setAuthoritiesClaimName(PERMISSIONS_CLAIM);
        permissions.setAuthorityPrefix("");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(
                jwt -> Stream.concat(roles.convert(jwt).stream(), permissions.convert(jwt).stream())
                        .toList());
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain polyshopSecurity(
            HttpSecurity http,
            JwtDecoder decoder,
            JwtAuthenticationConverter converter,
            ProblemWriter problemWriter,
            ObjectProvider<PublicEndpoints> publicEndpoints,
            ObjectProvider<GuardedEndpoints> guardedEndpoints)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(problemWriter);
        List<PublicEndpoints.Endpoint> open = publicEndpoints
                .orderedStream()
                .flatMap(endpoints -> endpoints.endpoints().stream())
                .toList();
        List<GuardedEndpoints.Guard> guarded = guardedEndpoints
                .orderedStream()
                .flatMap(endpoints -> endpoints.guards().stream())
                .toList();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    // Probes on the service port; health and metrics on the loopback management port.
                    requests.requestMatchers(
                                    "/livez",
                                    "/readyz",
                                    "/actuator/health/**",
                                    "/actuator/health",
                                    "/actuator/prometheus",
                                    "/error")
                            .permitAll();
                    // The operator's commands (dead-letter replay, parked events, ...).
                    requests.requestMatchers("/actuator/**").hasAuthority(Permission.PLATFORM_OPERATE.authority());
                    for (PublicEndpoints.Endpoint endpoint : open) {
                        requests.requestMatchers(PathPatternRequestMatcher.withDefaults()
                                        .matcher(endpoint.method(), endpoint.pattern()))
                                .permitAll();
                    }
                    // Decided here, before a body is read or validated: 403 rather than a 400
                    // that describes an API the caller may not use.
                    for (GuardedEndpoints.Guard guard : guarded) {
                        requests.requestMatchers(PathPatternRequestMatcher.withDefaults()
                                        .matcher(guard.method(), guard.pattern()))
                                .hasAuthority(guard.permission().authority());
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(
                        server -> server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                                .authenticationEntryPoint(problems)
                                .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }
}
