package be.bruzel.platformtests;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Requests no client should send, made from a service's OpenAPI document: for every operation, each
 * parameter in turn given a hostile value (control characters, huge, empty, wrong type, injection
 * text), each required parameter left out, an unknown parameter added, and broken bodies.
 */
final class HostileInput {

    /** One request: method, path with query, and a body (null for none) of a content type. */
    record Probe(String method, String target, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + (target.length() > 160 ? target.substring(0, 160) + "…" : target)
                    + (body == null ? "" : " body " + (body.length() > 40 ? body.substring(0, 40) + "…" : body));
        }
    }

    private static final List<String> VALUES = List.of(
            "",
            "\u0000",
            "a\u0007b",
            "\u202e",
            "😀",
            "%",
            "'\"<>;--",
            "' OR '1'='1",
            "../../etc/passwd",
            "-1",
            "0",
            "99999999999999999999",
            "1e309",
            "NaN",
            "maybe",
            "2026-13-45",
            "a".repeat(10_000));
    private static final List<String> BODIES = List.of(
            "",
            "{",
            "[]",
            "null",
            "\"text\"",
            "{}",
            "{\"unknown\": 1}",
            "{\"a\": \"\\u0000\"}",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\": \"" + "x".repeat(200_000) + "\"}",
            "\u0000\u0001\u0002");

    private HostileInput() {}

    /** The probes for every operation of an OpenAPI document. */
    @SuppressWarnings("unchecked")
    static List<Probe> from(String openApi) {
        List<Probe> probes = new ArrayList<>();
        Map<String, Map<String, Object>> paths = JsonPath.read(openApi, "$.paths");
        paths.forEach((path, operations) -> operations.forEach((method, definition) -> {
            if (!(definition instanceof Map<?, ?> operation)) {
                return;
            }
            List<Map<String, Object>> parameters =
                    operation.get("parameters") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
            Map<String, String> sane = new LinkedHashMap<>();
            parameters.forEach(parameter -> sane.put((String) parameter.get("name"), saneValue(parameter)));
            String contentType = contentTypeOf(operation);
            String verb = method.toUpperCase(java.util.Locale.ROOT);
            for (Map<String, Object> parameter : parameters) {
                String name = (String) parameter.get("name");
                if ("header".equals(parameter.get("in"))) {
                    continue;
                }
                for (String value : VALUES) {
                    if (value.isEmpty() && "path".equals(parameter.get("in"))) {
                        continue;
                    }
                    Map<String, String> values = new LinkedHashMap<>(sane);
                    values.put(name, value);
                    probes.add(new Probe(
                            verb,
                            target(path, parameters, values, false),
                            contentType,
                            contentType == null ? null : "{}"));
                }
                if (Boolean.TRUE.equals(parameter.get("required")) && "query".equals(parameter.get("in"))) {
                    Map<String, String> missing = new LinkedHashMap<>(sane);
                    missing.remove(name);
                    probes.add(new Probe(
                            verb,
                            target(path, parameters, missing, false),
                            contentType,
                            contentType == null ? null : "{}"));
                }
            }
            probes.add(new Probe(
                    verb, target(path, parameters, sane, true), contentType, contentType == null ? null : "{}"));
            if (contentType != null) {
                for (String body : BODIES) {
                    probes.add(new Probe(verb, target(path, parameters, sane, false), contentType, body));
                }
            }
        }));
        return probes;
    }

    @SuppressWarnings("unchecked")
    private static String saneValue(Map<String, Object> parameter) {
        Map<String, Object> schema =
                parameter.get("schema") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        Object example = schema.get("default");
        if (example != null) {
            return String.valueOf(example);
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return String.valueOf(values.getFirst());
        }
        return switch (String.valueOf(schema.get("type"))) {
            case "integer", "number" -> "1";
            case "boolean" -> "false";
            default -> "uuid".equals(schema.get("format")) ? UUID.randomUUID().toString() : "x";
        };
    }

    @SuppressWarnings("unchecked")
    private static String contentTypeOf(Map<?, ?> operation) {
        if (!(operation.get("requestBody") instanceof Map<?, ?> body)
                || !(body.get("content") instanceof Map<?, ?> content)) {
            return null;
        }
        return content.containsKey("application/json")
                ? "application/json"
                : String.valueOf(
                        ((Map<String, Object>) content).keySet().iterator().next());
    }

    private static String target(
            String path, List<Map<String, Object>> parameters, Map<String, String> values, boolean extra) {
        String target = path;
        StringBuilder query = new StringBuilder();
        for (Map<String, Object> parameter : parameters) {
            String name = (String) parameter.get("name");
            if (!values.containsKey(name)) {
                continue;
            }
            String encoded =
                    URLEncoder.encode(values.get(name), StandardCharsets.UTF_8).replace("+", "%20");
            if ("path".equals(parameter.get("in"))) {
                target = target.replace("{" + name + "}", encoded);
            } else if ("query".equals(parameter.get("in"))) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(encoded);
            }
        }
        if (extra) {
            query.append(query.isEmpty() ? "?" : "&").append("unexpected=%00");
        }
        return target + query;
    }
}
