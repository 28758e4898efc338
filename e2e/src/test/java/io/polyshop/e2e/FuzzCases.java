package io.polyshop.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The malformed requests for one operation of an OpenAPI document: each parameter and each body
 * property given a wrong type, a huge or out-of-range value, or control and bidirectional characters;
 * bodies that are not JSON, of the wrong shape, empty, too large or of the wrong media type. Query
 * and path parameters also get injection strings and unicode edge cases, which are text like any
 * other where text is taken: the service must not fail on them, and must not store anything.
 */
final class FuzzCases {

    /** A request to send, and whether a well-behaved service must refuse it. */
    record Case(
            String label,
            String method,
            String path,
            Map<String, String> headers,
            String body,
            String contentType,
            boolean mustRefuse) {}

    static final String CUSTOMER = "fuzz-customer";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HUGE_TEXT = "x".repeat(100_000);
    private static final int TWO_MEGABYTES = 2 * 1024 * 1024;

    /** Text that is not malformed where any text is taken, but has broken services that glue strings together. */
    private static final List<String> HOSTILE_TEXT = List.of(
            "' OR '1'='1' --",
            "{\"$gt\": \"\"}",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}",
            "../../../../etc/passwd",
            "\uD83D\uDC7E",
            "e\u0301");

    /** Text no field takes: control characters, a bidirectional override, an isolate. */
    private static final List<String> CONTROL_TEXT =
            List.of("nul\u0000", "\u202eevil", "\u2066isolated\u2069", "bell\u0007");

    private final JsonNode document;

    FuzzCases(JsonNode document) {
        this.document = document;
    }

    List<Case> of(String path, String method, JsonNode operation) {
        List<Case> cases = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> queryValues = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            String value = plausible(name, parameter.path("schema"));
            switch (parameter.path("in").asString()) {
                case "path" -> pathValues.put(name, value);
                case "query" -> {
                    if (parameter.path("required").asBoolean(false)) {
                        queryValues.put(name, value);
                    }
                }
                case "header" -> {
                    if (parameter.path("required").asBoolean(false) || name.equals("If-Match")) {
                        headers.put(name, value);
                    }
                }
                default -> {}
            }
        }
        JsonNode body = operation.path("requestBody").path("content");
        String upper = method.toUpperCase();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            JsonNode schema = parameter.path("schema");
            switch (parameter.path("in").asString()) {
                case "path" -> {
                    for (String bad : badPathValues()) {
                        cases.add(parameterCase(
                                "path " + name + " = " + shown(bad),
                                upper,
                                uri(path, replaced(pathValues, name, bad), queryValues),
                                headers,
                                body,
                                !isFreeText(schema)));
                    }
                }
                case "query" ->
                    badQueryValues(schema)
                            .forEach((bad, mustRefuse) -> cases.add(parameterCase(
                                    "query " + name + " = " + shown(bad),
                                    upper,
                                    uri(path, pathValues, replaced(queryValues, name, bad)),
                                    headers,
                                    body,
                                    mustRefuse)));
                case "header" -> {
                    for (String bad : List.of("", "x".repeat(300), "not a valid value!", "\"\u00e9\"")) {
                        cases.add(parameterCase(
                                "header " + name + " = " + shown(bad),
                                upper,
                                uri(path, pathValues, queryValues),
                                replaced(headers, name, bad),
                                body,
                                true));
                    }
                }
                default -> {}
            }
        }
        if (!body.isMissingNode() && !body.isEmpty()) {
            String target = uri(path, pathValues, queryValues);
            String mediaType = body.propertyNames().iterator().next();
            cases.add(new Case("body of the wrong media type", upper, target, headers, "{}", "text/plain", true));
            // A streamed import reads its body line by line, a line at a time within its limit.
            cases.add(new Case(
                    "body over 2 MB",
                    upper,
                    target,
                    headers,
                    "{\"x\":\"" + "a".repeat(TWO_MEGABYTES) + "\"}",
                    mediaType,
                    mediaType.equals("application/json")));
            if (mediaType.equals("application/json")) {
                cases.addAll(jsonBodies(
                        upper,
                        target,
                        headers,
                        resolve(body.path("application/json").path("schema"))));
            }
        }
        return cases;
    }

    private List<Case> jsonBodies(String method, String target, Map<String, String> headers, JsonNode schema) {
        List<Case> cases = new ArrayList<>();
        for (String broken : List.of("{\"unterminated", "[]", "\"text\"", "null", "12", "")) {
            cases.add(new Case("body " + shown(broken), method, target, headers, broken, "application/json", true));
        }
        boolean requiresSomething = schema.path("required").size() > 0;
        if (requiresSomething) {
            cases.add(new Case("body {}", method, target, headers, "{}", "application/json", true));
            cases.add(new Case(
                    "body with only an unknown field",
                    method,
                    target,
                    headers,
                    "{\"unexpectedField\":true}",
                    "application/json",
                    true));
        }
        schema.path("properties").properties().forEach(property -> {
            JsonNode propertySchema = resolve(property.getValue());
            for (Map.Entry<String, Object> bad : badValues(propertySchema).entrySet()) {
                ObjectNode body = JSON.createObjectNode();
                body.set(property.getKey(), JSON.valueToTree(bad.getValue()));
                String text = bad.getValue() instanceof RawNumber raw
                        ? "{\"" + property.getKey() + "\":" + raw.literal() + "}"
                        : body.toString();
                cases.add(new Case(
                        "body " + property.getKey() + " = " + bad.getKey(),
                        method,
                        target,
                        headers,
                        text,
                        "application/json",
                        true));
            }
        });
        return cases;
    }

    /** A number written as is, beyond what a double or a long holds. */
    record RawNumber(String literal) {}

    private static Map<String, Object> badValues(JsonNode schema) {
        Map<String, Object> values = new LinkedHashMap<>();
        String type = schema.path("type").asString("object");
        switch (type) {
            case "string" -> {
                values.put("wrong type (object)", Map.of("$gt", ""));
                values.put("wrong type (array)", List.of(1, 2));
                values.put("huge string", HUGE_TEXT);
                for (int i = 0; i < CONTROL_TEXT.size(); i++) {
                    values.put("control text #" + (i + 1), CONTROL_TEXT.get(i));
                }
            }
            case "integer", "number" -> {
                values.put("wrong type (string)", "abc");
                values.put("huge number", new RawNumber("1e400"));
                values.put("beyond a long", new RawNumber("99999999999999999999999"));
                values.put("negative", -1);
                values.put("zero", 0);
                values.put("fraction", 0.5);
                values.put("NaN as text", "NaN");
            }
            case "boolean" -> values.put("wrong type (string)", "maybe");
            case "array" -> {
                values.put("wrong type (string)", "not a list");
                values.put("ten thousand items", java.util.Collections.nCopies(10_000, 1));
            }
            default -> {
                values.put("wrong type (number)", 42);
                values.put("wrong type (array)", List.of("x"));
            }
        }
        return values;
    }

    /** Query values, each with whether it is malformed for the parameter (text is taken as it is). */
    private static Map<String, Boolean> badQueryValues(JsonNode schema) {
        Map<String, Boolean> values = new LinkedHashMap<>();
        String type = schema.path("type").asString("string");
        if (type.equals("integer") || type.equals("number")) {
            values.put("abc", true);
            values.put("99999999999999999999999", true);
            values.put("-1", true);
            values.put("1.5", type.equals("integer"));
        } else if (isFreeText(schema)) {
            values.put("x".repeat(5_000), false);
            HOSTILE_TEXT.forEach(text -> values.put(text, false));
            CONTROL_TEXT.forEach(text -> values.put(text, true));
        } else {
            values.put("x".repeat(5_000), true);
            values.put("' OR '1'='1' --", true);
            values.put("\u0000", true);
        }
        return values;
    }

    private static List<String> badPathValues() {
        return List.of(
                "x".repeat(2_000), "' OR '1'='1' --", "%00", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AEevil", "-1", "null");
    }

    /** Text without a format, pattern, enum or bound: anything is a value, nothing is malformed. */
    private static boolean isFreeText(JsonNode schema) {
        if (schema.path("type").asString("").equals("array")) {
            return isFreeText(schema.path("items"));
        }
        return schema.path("type").asString("string").equals("string")
                && !schema.has("format")
                && !schema.has("pattern")
                && !schema.has("enum")
                && !schema.has("maxLength");
    }

    private static String plausible(String name, JsonNode schema) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asString();
        }
        if (name.equals("customerId")) {
            return CUSTOMER;
        }
        if (name.equals("If-Match")) {
            return "\"1\"";
        }
        String type = schema.path("type").asString("string");
        if (type.equals("integer") || type.equals("number")) {
            return "1";
        }
        if (type.equals("boolean")) {
            return "true";
        }
        return schema.path("format").asString("").equals("uuid")
                ? UUID.randomUUID().toString()
                : "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A request broken in one parameter, with an empty JSON body where the operation takes one. */
    private static Case parameterCase(
            String label, String method, String uri, Map<String, String> headers, JsonNode body, boolean mustRefuse) {
        boolean json = body.has("application/json");
        return new Case(label, method, uri, headers, json ? "{}" : null, json ? "application/json" : null, mustRefuse);
    }

    private static Map<String, String> replaced(Map<String, String> values, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return copy;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    /** The path with its parameters (already URL-safe or encoded here) and the query. */
    private static String uri(String path, Map<String, String> pathValues, Map<String, String> query) {
        String filled = path;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            String text = value.getValue();
            String encoded = text.contains("%") ? text : URLEncoder.encode(text, StandardCharsets.UTF_8);
            filled = filled.replace("{" + value.getKey() + "}", encoded.replace("+", "%20"));
        }
        if (query.isEmpty()) {
            return filled;
        }
        List<String> pairs = new ArrayList<>();
        query.forEach((name, value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return filled + "?" + String.join("&", pairs);
    }

    private static String shown(String value) {
        if (value.length() > 40) {
            return "'" + value.substring(0, 12) + "…' (" + value.length() + " chars)";
        }
        String escaped = value.codePoints()
                .mapToObj(point -> point < 0x20 || (point >= 0x200b && point <= 0x206f)
                        ? String.format("\\u%04x", point)
                        : Character.toString(point))
                .collect(java.util.stream.Collectors.joining());
        return "'" + escaped + "'";
    }

    /** Methods of an OpenAPI path item that are operations. */
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
}
