package io.polyshop.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * Finishes every service's OpenAPI document the same way, so that it tells the truth about what the
 * service does around its controllers: titled per service, served through the gateway, the bearer
 * scheme on every operation but the public ones, and the problem answers (400, 401, 403, 404, 413,
 * 415, 429, 500, 503) that the platform gives, as {@code application/problem+json}.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class ApiDocumentAutoConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** A service's API document is public: it says what the API is, not what the service holds. */
    @Bean
    PublicEndpoints apiDocumentPublicEndpoints() {
        return PublicEndpoints.of("GET /v3/api-docs", "GET /v3/api-docs/**");
    }

    @Bean
    OpenApiCustomizer polyshopApiDocument(
            @Value("${spring.application.name:polyshop}") String service,
            @Value("${polyshop.api.version:v1}") String version,
            @Value("${polyshop.api.public-url:http://127.0.0.1:8080}") String publicUrl,
            ObjectProvider<PublicEndpoints> publicEndpoints) {
        List<PublicEndpoints.Endpoint> open = publicEndpoints
                .orderedStream()
                .flatMap(endpoints -> endpoints.endpoints().stream())
                .toList();
        return document -> {
            document.info(new Info()
                    .title("Polyshop " + service + " API")
                    .version(version)
                    .description("The " + service + " service's API, as the gateway serves it.")
                    .contact(new Contact().name("Polyshop maintainers")));
            document.servers(List.of(new Server().url(publicUrl).description("the gateway")));
            Components components = document.getComponents() == null ? new Components() : document.getComponents();
            components.addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("An access token from POST /api/v1/identity/tokens."));
            components.addSchemas(PROBLEM, problemSchema());
            if (components.getSchemas() != null) {
                components.getSchemas().values().forEach(ApiDocumentAutoConfiguration::anyValueForObject);
            }
            document.components(components);
            if (document.getPaths() == null) {
                return;
            }
            declareTags(document);
            document.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) ->
                                    finish(operation, isPublic(open, HttpMethod.valueOf(method.name()), path), path)));
        };
    }

    /** Every tag an operation uses is declared at the top, as readers and linters expect. */
    private static void declareTags(OpenAPI document) {
        document.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .filter(operation -> operation.getTags() != null)
                .flatMap(operation -> operation.getTags().stream())
                .distinct()
                .sorted()
                .filter(tag -> document.getTags() == null
                        || document.getTags().stream()
                                .noneMatch(declared -> declared.getName().equals(tag)))
                .forEach(tag -> document.addTagsItem(new Tag().name(tag)));
    }

    private static void finish(Operation operation, boolean isPublic, String path) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (responses.keySet().stream().noneMatch(status -> status.startsWith("2"))) {
            // springdoc drops its default 200 once any @ApiResponse is declared on the method.
            throw new IllegalStateException(operation.getOperationId() + " on " + path
                    + " documents no success status: declare it with @ApiResponse next to the others");
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                problem(responses, status, response.getDescription());
            } else if (status.equals("204")) {
                response.setContent(null);
            } else {
                jsonInsteadOfAnything(response);
            }
        });
        responses.values().forEach(response -> anyValueForObject(response.getContent()));
        if (operation.getRequestBody() != null) {
            anyValueForObject(operation.getRequestBody().getContent());
        }
        problem(responses, "400", "The request is malformed or a field is invalid; `errors` names each field.");
        if (isPublic) {
            operation.setSecurity(List.of());
        } else {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            problem(responses, "401", "No valid bearer token.");
            problem(responses, "403", "The token's permissions do not allow this.");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "413", "The request body is larger than this service takes.");
            problem(responses, "415", "The request body is not of a media type this operation reads.");
        }
        if (path.contains("{")) {
            problem(responses, "404", "Nothing with that id, or not the caller's.");
        }
        problem(responses, "429", "Too many requests from this client or user; see Retry-After.");
        problem(responses, "500", "A fault on our side; quote the requestId.");
        problem(responses, "503", "A store or service is away for now; see Retry-After.");
        operation.setResponses(responses);
    }

    /** springdoc writes {@code *}{@code /*} for a controller that does not say what it produces. */
    private static void jsonInsteadOfAnything(ApiResponse response) {
        Content content = response.getContent();
        if (content != null && content.containsKey("*/*")) {
            MediaType body = content.remove("*/*");
            content.addMediaType("application/json", body);
        }
    }

    /**
     * A {@code Map<String, Object>} (product attributes, a JWK set) holds values of any JSON type;
     * springdoc documents its values as objects, which a number or an array then breaks.
     */
    @SuppressWarnings("rawtypes")
    private static void anyValueForObject(Schema schema) {
        if (schema.getAdditionalProperties() instanceof Schema values && isBareObject(values)) {
            schema.setAdditionalProperties(true);
        }
        if (schema.getProperties() != null) {
            ((Map<?, ?>) schema.getProperties()).values().forEach(property -> anyValueForObject((Schema) property));
        }
        if (schema.getItems() != null) {
            anyValueForObject(schema.getItems());
        }
    }

    private static void anyValueForObject(Content content) {
        if (content != null) {
            content.values().stream()
                    .filter(media -> media.getSchema() != null)
                    .forEach(media -> anyValueForObject(media.getSchema()));
        }
    }

    @SuppressWarnings("rawtypes")
    private static boolean isBareObject(Schema schema) {
        return "object".equals(schema.getType()) && schema.getProperties() == null && schema.get$ref() == null;
    }

    private static void problem(ApiResponses responses, String status, String description) {
        ApiResponse response = responses.get(status);
        if (response == null) {
            response = new ApiResponse().description(description);
            responses.addApiResponse(status, response);
        }
        Content content = response.getContent() == null ? new Content() : response.getContent();
        content.remove("*/*");
        content.remove("application/json");
        content.addMediaType(
                PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
        response.setContent(content);
    }

    private static boolean isPublic(List<PublicEndpoints.Endpoint> open, HttpMethod method, String path) {
        AntPathMatcher matcher = new AntPathMatcher();
        return path.startsWith("/v3/api-docs")
                || open.stream()
                        .anyMatch(endpoint ->
                                endpoint.method().equals(method) && matcher.match(endpoint.pattern(), path));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<Object> fieldProblem =
                new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details; a kind of problem may add members of its own")
                .additionalProperties(true)
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("requestId", new StringSchema())
                .addProperty("reason", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldProblem))
                .required(List.of("type", "title", "status"));
    }
}
