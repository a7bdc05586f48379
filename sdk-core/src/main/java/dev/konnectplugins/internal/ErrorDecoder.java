package dev.konnectplugins.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.konnectplugins.BadRequestException;
import dev.konnectplugins.ConflictException;
import dev.konnectplugins.ErrorDetails;
import dev.konnectplugins.ForbiddenException;
import dev.konnectplugins.InvalidParameter;
import dev.konnectplugins.KonnectApiException;
import dev.konnectplugins.NotFoundException;
import dev.konnectplugins.PluginInUseException;
import dev.konnectplugins.RateLimitedException;
import dev.konnectplugins.ServerException;
import dev.konnectplugins.UnauthorizedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an error answer into the matching exception. Konnect answers errors in four shapes: RFC 7807
 * problem+json ({@code detail}, {@code instance}, {@code invalid_parameters}), a bare {@code {message}},
 * the gateway's {@code {message,status}}, and core entities' gRPC style ({@code {code,message,details[]}});
 * a proxy may answer with an HTML page. Every shape is decoded without ever letting a parser exception out.
 */
public final class ErrorDecoder {
    private static final int GRPC_ALREADY_EXISTS = 6;
    private static final int KONG_REFERENCED_BY_OTHERS = 19;
    private static final int SUMMARY_LIMIT = 300;
    private static final int TRACE_ID_LIMIT = 200;
    private static final int FIELD_LIMIT = 200;
    /** A real answer names a few fields; a hostile one could name millions, each copied into the message. */
    private static final int MAX_INVALID_PARAMETERS = 100;
    private static final Pattern HTML_TITLE = Pattern.compile("<title>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private ErrorDecoder() {
    }

    /**
     * The exception for an answer with status 400 or more, to the last of {@code attempts} attempts.
     *
     * @param earlierFailures one line per attempt before this one, oldest first
     */
    public static KonnectApiException decode(ApiResponse response, Supplier<Instant> now, int attempts,
                                             List<String> earlierFailures) {
        JsonNode body = Json.tree(response.bytes());
        if (body != null && !body.isObject()) {
            body = null;
        }
        String rawBody = response.body();
        ErrorDetails details = new ErrorDetails(response.request().method(), response.request().path(),
                response.status(), ServerText.sanitize(message(body, rawBody), ServerText.MESSAGE_LIMIT),
                ServerText.sanitize(traceId(body, response), TRACE_ID_LIMIT), invalidParameters(body), rawBody);
        return classify(details, body, response, now, attempts, List.copyOf(earlierFailures));
    }

    private static KonnectApiException classify(ErrorDetails details, JsonNode body, ApiResponse response,
                                                Supplier<Instant> now, int attempts, List<String> earlier) {
        int status = details.statusCode();
        switch (status) {
            case 400:
                if (isInUse(body, details)) {
                    return new PluginInUseException(details, attempts, earlier);
                }
                return isUniqueViolation(body, details) ? new ConflictException(details, attempts, earlier)
                        : new BadRequestException(details, attempts, earlier);
            case 401:
                return new UnauthorizedException(details, attempts, earlier);
            case 403:
                return new ForbiddenException(details, attempts, earlier);
            case 404:
                return new NotFoundException(details, attempts, earlier);
            case 409:
                return new ConflictException(details, attempts, earlier);
            case 429:
                Duration retryAfter = RetryAfter.parse(response.headers(), now).orElse(null);
                return new RateLimitedException(details, retryAfter, attempts, earlier);
            default:
                return status >= 500 ? new ServerException(details, attempts, earlier)
                        : new KonnectApiException(details, attempts, earlier);
        }
    }

    private static String message(JsonNode body, String rawBody) {
        if (body == null) {
            return summarizeNonJson(rawBody);
        }
        String message = firstText(body, "detail", "message", "title", "error");
        return message == null ? "" : message;
    }

    private static String traceId(JsonNode body, ApiResponse response) {
        String instance = body == null ? null : firstText(body, "instance");
        if (instance != null) {
            return instance;
        }
        return response.headers().firstValue("x-kong-request-id")
                .or(() -> response.headers().firstValue("x-request-id")).orElse(null);
    }

    private static List<InvalidParameter> invalidParameters(JsonNode body) {
        List<InvalidParameter> parameters = new ArrayList<>();
        if (body == null) {
            return parameters;
        }
        for (JsonNode parameter : body.path("invalid_parameters")) {
            if (!parameter.isObject()) {
                continue;
            }
            String reason = firstText(parameter, "reason", "rule");
            add(parameters, orElse(firstText(parameter, "field"), "body"), orElse(reason, ""));
        }
        for (JsonNode detail : body.path("details")) {
            if (!detail.isObject()) {
                continue;
            }
            String field = orElse(firstText(detail, "field"), orElse(firstText(detail, "type"), "body"));
            for (JsonNode message : detail.path("messages")) {
                add(parameters, field, message.asText());
            }
            String single = firstText(detail, "message");
            if (single != null) {
                add(parameters, field, single);
            }
        }
        return parameters;
    }

    private static void add(List<InvalidParameter> parameters, String field, String reason) {
        if (parameters.size() < MAX_INVALID_PARAMETERS) {
            parameters.add(new InvalidParameter(ServerText.sanitize(field, FIELD_LIMIT),
                    ServerText.sanitize(reason, ServerText.MESSAGE_LIMIT)));
        }
    }

    private static boolean isInUse(JsonNode body, ErrorDetails details) {
        if (body != null && (body.path("code").asInt() == KONG_REFERENCED_BY_OTHERS
                || "referenced by others".equals(firstText(body, "name")))) {
            return true;
        }
        String text = decodedText(details);
        return text.contains("currently in use") || text.contains("still referenced");
    }

    /**
     * Konnect's core entities answer a duplicate name with a 400: gRPC code 6, or code 3 "data constraint error"
     * with a reference detail, or a "(type: unique) constraint failed" message. Only Konnect's decoded words are
     * read, never the whole raw body, so an unrelated message that happens to mention "unique" elsewhere cannot
     * turn a validation error into a conflict.
     */
    private static boolean isUniqueViolation(JsonNode body, ErrorDetails details) {
        if (body != null && body.path("code").asInt() == GRPC_ALREADY_EXISTS) {
            return true;
        }
        String text = decodedText(details);
        return text.contains("(type: unique)") || text.contains("unique constraint")
                || (text.contains("data constraint error") && hasReferenceDetail(body));
    }

    private static boolean hasReferenceDetail(JsonNode body) {
        if (body == null) {
            return false;
        }
        for (JsonNode detail : body.path("details")) {
            if ("ERROR_TYPE_REFERENCE".equals(detail.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String decodedText(ErrorDetails details) {
        return (details.konnectMessage() + " " + details.invalidParameters()).toLowerCase(Locale.ROOT);
    }

    /** A proxy's HTML page becomes its title; other text its first line, shortened. */
    private static String summarizeNonJson(String rawBody) {
        if (rawBody == null || rawBody.isBlank()) {
            return "";
        }
        Matcher title = HTML_TITLE.matcher(rawBody);
        String text = title.find() ? title.group(1) : rawBody.strip().lines().findFirst().orElse("");
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= SUMMARY_LIMIT ? text : text.substring(0, SUMMARY_LIMIT) + "...";
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
