package dev.konnectplugins.internal.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code /v2/control-planes} and {@code /v2/control-planes/{id}}: a Konnect-native API, so numbered pages,
 * ISO timestamps and problem+json errors.
 */
final class ControlPlanesEndpoint {

    // kongctl's default; Konnect's own default is not documented.
    private static final int DEFAULT_SIZE = 10;
    private static final int MAX_SIZE = 100;

    private final FakeState state;

    ControlPlanesEndpoint(FakeState state) {
        this.state = state;
    }

    HttpReply list(KonnectRequest request) {
        if (!request.method().equals("GET")) {
            return ErrorBodies.methodNotAllowed();
        }
        Optional<Integer> size = number(request.query().first("page[size]"), DEFAULT_SIZE, MAX_SIZE);
        if (size.isEmpty()) {
            return ErrorBodies.problemBadRequest("page[size]", "must be an integer between 1 and " + MAX_SIZE);
        }
        Optional<Integer> number = number(request.query().first("page[number]"), 1, Integer.MAX_VALUE);
        if (number.isEmpty()) {
            return ErrorBodies.problemBadRequest("page[number]", "must be an integer of at least 1");
        }
        List<ControlPlaneInfo> matching = state.controlPlanes().stream().filter(filter(request.query())).toList();
        return HttpReply.json(200, listBody(matching, number.get(), size.get()));
    }

    HttpReply get(KonnectRequest request, ControlPlaneState controlPlane) {
        return request.method().equals("GET")
                ? HttpReply.json(200, Representations.controlPlane(controlPlane.info()))
                : ErrorBodies.methodNotAllowed();
    }

    /** The filters clients use to find a control plane: by name (eq, neq, contains) and by id (eq). */
    private static Predicate<ControlPlaneInfo> filter(QueryString query) {
        Predicate<ControlPlaneInfo> filter = info -> true;
        Optional<String> nameEquals = query.first("filter[name][eq]").or(() -> query.first("filter[name]"));
        if (nameEquals.isPresent()) {
            filter = filter.and(info -> info.name().equals(nameEquals.get()));
        }
        Optional<String> nameNot = query.first("filter[name][neq]");
        if (nameNot.isPresent()) {
            filter = filter.and(info -> !info.name().equals(nameNot.get()));
        }
        Optional<String> nameContains = query.first("filter[name][contains]");
        if (nameContains.isPresent()) {
            filter = filter.and(info -> info.name().contains(nameContains.get()));
        }
        Optional<String> idEquals = query.first("filter[id][eq]").or(() -> query.first("filter[id]"));
        if (idEquals.isPresent()) {
            filter = filter.and(info -> info.id().equals(idEquals.get().toLowerCase(Locale.ROOT)));
        }
        return filter;
    }

    private static ObjectNode listBody(List<ControlPlaneInfo> matching, int number, int size) {
        ObjectNode body = Json.object();
        body.putObject("meta").putObject("page").put("number", number).put("size", size)
                .put("total", matching.size());
        ArrayNode data = body.putArray("data");
        matching.stream().skip((long) (number - 1) * size).limit(size)
                .forEach(info -> data.add(Representations.controlPlane(info)));
        return body;
    }

    private static Optional<Integer> number(Optional<String> text, int fallback, int max) {
        if (text.isEmpty() || text.get().isEmpty()) {
            return Optional.of(fallback);
        }
        try {
            int value = Integer.parseInt(text.get());
            return value >= 1 && value <= max ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
