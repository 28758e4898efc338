package io.polyshop.platform.security;

import io.polyshop.platform.web.ProblemWriter;
import java.time.Duration;
import java.util.List;
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
 * the caller from {@code sub} and the roles from the {@code roles} claim. Requests need a token
 * unless a {@link PublicEndpoints} bean lets them through; health probes are always open, the
 * operator's endpoints (on the management port) need ADMIN.
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

    @Bean
    AccessDeniedAdvice accessDeniedAdvice() {
        return new AccessDeniedAdvice();
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(SecuritySettings settings) {
        // Identity's keys within seconds, or the token is refused for now (the default client waits for ever).
        SimpleClientHttpRequestFactory keysClient = new SimpleClientHttpRequestFactory();
        keysClient.setConnectTimeout(Duration.ofSeconds(2));
        keysClient.setReadTimeout(Duration.ofSeconds(5));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(new RestTemplate(keysClient))
                .build();
        OAuth2TokenValidator<Jwt> validator =
                settings.issuer() == null || settings.issuer().isBlank()
                        ? JwtValidators.createDefault()
                        : JwtValidators.createDefaultWithIssuer(settings.issuer());
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

    @Bean
    @ConditionalOnMissingBean(JwtAuthenticationConverter.class)
    JwtAuthenticationConverter jwtAuthenticationConverter(SecuritySettings settings) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(settings.rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain polyshopSecurity(
            HttpSecurity http,
            JwtDecoder decoder,
            JwtAuthenticationConverter converter,
            ProblemWriter problemWriter,
            ObjectProvider<PublicEndpoints> publicEndpoints)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(problemWriter);
        List<PublicEndpoints.Endpoint> open = publicEndpoints
                .orderedStream()
                .flatMap(endpoints -> endpoints.endpoints().stream())
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
                    // The operator's commands (dead-letter replay, parked events, ...) are for admins only.
                    requests.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
                    for (PublicEndpoints.Endpoint endpoint : open) {
                        requests.requestMatchers(PathPatternRequestMatcher.withDefaults()
                                        .matcher(endpoint.method(), endpoint.pattern()))
                                .permitAll();
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
