package dev.konnectplugins;

import dev.konnectplugins.internal.Answers;
import dev.konnectplugins.internal.ApiPath;
import dev.konnectplugins.internal.ApiRequest;
import dev.konnectplugins.internal.ApiResponse;
import dev.konnectplugins.internal.HttpPipeline;
import dev.konnectplugins.internal.model.PluginSchemaEnvelope;
import dev.konnectplugins.internal.model.PluginSchemaPage;
import dev.konnectplugins.internal.model.PluginSchemaRequest;
import dev.konnectplugins.model.PluginSchema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The hybrid-mode plugin schemas of one control plane, without blocking; see {@link PluginSchemas}. Each operation
 * is written once, blocking (the package-private methods); the public ones run it on the client's executor.
 */
public final class PluginSchemasAsync {
    private static final int PAGE_SIZE = 100;

    private final HttpPipeline pipeline;
    private final String controlPlaneId;

    PluginSchemasAsync(HttpPipeline pipeline, String controlPlaneId) {
        this.pipeline = pipeline;
        this.controlPlaneId = controlPlaneId;
    }

    /**
     * Uploads a schema (POST); Konnect takes the name from the schema itself.
     *
     * @param luaSchema the text of the plugin's {@code schema.lua}
     * @return the schema as Konnect stored it; fails with {@link ConflictException} when one exists
     */
    public CompletableFuture<PluginSchema> create(String luaSchema) {
        Objects.requireNonNull(luaSchema, "luaSchema");
        return pipeline.async(() -> createNow(luaSchema));
    }

    /**
     * Reads a schema by plugin name; fails with {@link NotFoundException} when absent.
     *
     * @param name the plugin's name
     * @return the schema
     */
    public CompletableFuture<PluginSchema> get(String name) {
        Requests.requireText(name, "name");
        return pipeline.async(() -> getNow(name));
    }

    /**
     * Reads a schema by plugin name; empty when absent.
     *
     * @param name the plugin's name
     * @return the schema, or empty
     */
    public CompletableFuture<Optional<PluginSchema>> find(String name) {
        Requests.requireText(name, "name");
        return pipeline.async(() -> findNow(name));
    }

    /**
     * Every schema, page by page as it is consumed.
     *
     * @return the schemas; each page is requested when consumption reaches it
     */
    public AsyncPagedIterable<PluginSchema> list() {
        return new AsyncPagedIterable<>(() -> pipeline.async(() -> page(null, 0)));
    }

    /**
     * Creates or replaces the schema of plugin {@code name} (PUT).
     *
     * @param name the plugin's name; it must match the name in the schema
     * @param luaSchema the text of the plugin's {@code schema.lua}
     * @return the schema as Konnect stored it
     */
    public CompletableFuture<PluginSchema> upsert(String name, String luaSchema) {
        Requests.requireText(name, "name");
        Objects.requireNonNull(luaSchema, "luaSchema");
        return pipeline.async(() -> upsertNow(name, luaSchema));
    }

    /**
     * Deletes the schema of plugin {@code name}; completes normally when it was already gone.
     *
     * @param name the plugin's name
     * @return completes when the schema is gone; fails with {@link PluginInUseException} when plugin instances still
     *     use it
     */
    public CompletableFuture<Void> delete(String name) {
        Requests.requireText(name, "name");
        return pipeline.async(() -> {
            deleteNow(name);
            return null;
        });
    }

    // The blocking operations, shared with PluginSchemas.

    PluginSchema createNow(String luaSchema) {
        return pipeline.call(ApiRequest.post(collection().toString(), body(luaSchema)), PluginSchemasAsync::schemaOf);
    }

    PluginSchema getNow(String name) {
        return pipeline.call(ApiRequest.get(item(name).toString()), PluginSchemasAsync::schemaOf);
    }

    Optional<PluginSchema> findNow(String name) {
        return Requests.emptyWhenNotFound(() -> getNow(name));
    }

    PagedIterable<PluginSchema> listNow() {
        return PagedIterable.of(() -> page(null, 0));
    }

    PluginSchema upsertNow(String name, String luaSchema) {
        return pipeline.call(ApiRequest.put(item(name).toString(), body(luaSchema)), PluginSchemasAsync::schemaOf);
    }

    void deleteNow(String name) {
        ApiRequest request = ApiRequest.delete(item(name).toString());
        Requests.ignoreNotFound(() -> pipeline.call(request, response -> null));
    }

    /**
     * Konnect reports a total but no next cursor for schemas; the next page is asked for with {@code page[after]}
     * set to the last name seen, until the total is reached.
     */
    private Page<PluginSchema> page(String after, int seenBefore) {
        ApiPath path = collection().query("page[size]", PAGE_SIZE).query("page[after]", after);
        PluginSchemaPage body = pipeline.call(ApiRequest.get(path.toString()),
                response -> response.as(PluginSchemaPage.class, page -> Answers.firstProblem(page.getItems(),
                        schema -> Answers.required(schema.getName(), "name"))));
        List<PluginSchema> items = body.getItems() == null ? List.of() : body.getItems();
        int seen = seenBefore + items.size();
        long total = body.getPage() == null || body.getPage().getTotalCount() == null ? seen
                : body.getPage().getTotalCount();
        String last = items.isEmpty() ? null : items.get(items.size() - 1).getName();
        String next = seen < total ? Requests.nextCursor(last, after) : null;
        return new Page<>(items, next, cursor -> page(cursor, seen), pipeline, path.toString());
    }

    private static PluginSchemaRequest body(String luaSchema) {
        Objects.requireNonNull(luaSchema, "luaSchema");
        return new PluginSchemaRequest().luaSchema(luaSchema);
    }

    /** The schema inside Konnect's {@code {"item": ...}} wrapper; an answer without one is not a schema. */
    private static PluginSchema schemaOf(ApiResponse response) {
        PluginSchemaEnvelope envelope = response.as(PluginSchemaEnvelope.class);
        if (envelope.getItem() == null) {
            throw new KonnectApiException(new ErrorDetails(response.request().method(), response.request().path(),
                    response.status(), "the response has no \"item\" holding the plugin schema", null, List.of(),
                    response.body()));
        }
        return envelope.getItem();
    }

    private ApiPath collection() {
        return ApiPath.of("v2", "control-planes").segment(controlPlaneId).literal("core-entities")
                .literal("plugin-schemas");
    }

    private ApiPath item(String name) {
        return collection().segment(Requests.requireText(name, "name"));
    }
}
