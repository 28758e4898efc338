package io.polyshop.gateway;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.stereotype.Component;

/**
 * One Swagger UI for every service: each service's OpenAPI document is served through the gateway
 * at {@code /api-docs/<service>} and listed in the UI at {@code /swagger-ui.html}.
 */
@Component
class ApiDocs {

    static final String PATH_PREFIX = "/api-docs/";
    static final String[] PUBLIC_PATHS = {
        "/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/swagger-config"
    };

    ApiDocs(SwaggerUiConfigProperties swaggerUi, GatewaySettings settings) {
        Set<SwaggerUrl> urls = new LinkedHashSet<>();
        settings.routes().keySet().stream()
                .sorted()
                .forEach(service -> urls.add(new SwaggerUrl(service, PATH_PREFIX + service, service)));
        swaggerUi.setUrls(urls);
    }
}
