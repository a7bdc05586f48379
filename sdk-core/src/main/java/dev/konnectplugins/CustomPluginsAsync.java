package dev.konnectplugins;

import dev.konnectplugins.internal.ApiPath;
import dev.konnectplugins.internal.ApiRequest;
import dev.konnectplugins.internal.HttpPipeline;
import dev.konnectplugins.internal.UploadGuard;
import dev.konnectplugins.internal.model.CustomPluginPage;
import dev.konnectplugins.model.CustomPlugin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The streamed custom plugins of one control plane, without blocking: every method returns at once with a
 * {@link CompletableFuture} that fails with the same exceptions the blocking {@link CustomPlugins} throws.
 */
public final class CustomPluginsAsync {
    private final HttpPipeline pipeline;
    private final UploadGuard guard;
    private final String controlPlaneId;

    CustomPluginsAsync(HttpPipeline pipeline, UploadGuard guard, String controlPlaneId) {
        this.pipeline = pipeline;
        this.guard = guard;
        this.controlPlaneId = controlPlaneId;
    }

    /** The control plane these plugins belong to. */
    public String controlPlaneId() {
        return controlPlaneId;
    }

    /**
     * Uploads a new plugin (POST); see {@link CustomPlugins#create}. The offline validation runs on the calling
     * thread before the future is returned (it takes milliseconds); the upload itself does not block.
     */
    public CompletableFuture<CustomPlugin> create(PluginSource source) {
        Objects.requireNonNull(source, "source");
        return guarded(source, () -> pipeline.send(ApiRequest.post(collection().toString(), body(source)),
                response -> response.as(CustomPlugin.class)));
    }

    /** The offline checks {@link #create} and {@link #upsert} run first; see {@link CustomPlugins#validate}. */
    public List<Diagnostic> validate(PluginSource source) {
        return guard.diagnose(Objects.requireNonNull(source, "source"));
    }

    /** Reads a plugin by id or name; fails with {@link NotFoundException} when absent. */
    public CompletableFuture<CustomPlugin> get(String idOrName) {
        return pipeline.send(ApiRequest.get(item(idOrName).toString()),
                response -> response.as(CustomPlugin.class));
    }

    /** Reads a plugin by id or name; empty when absent. */
    public CompletableFuture<Optional<CustomPlugin>> find(String idOrName) {
        return Requests.emptyWhenNotFound(get(idOrName));
    }

    /** Every plugin, page by page as it is consumed. */
    public AsyncPagedIterable<CustomPlugin> list() {
        return list(ListOptions.defaults());
    }

    /** The plugins matching {@code options}, page by page as they are consumed. */
    public AsyncPagedIterable<CustomPlugin> list(ListOptions options) {
        Objects.requireNonNull(options, "options");
        return new AsyncPagedIterable<>(() -> page(options, null));
    }

    /** Creates or replaces the plugin named by the source (PUT). */
    public CompletableFuture<CustomPlugin> upsert(PluginSource source) {
        Objects.requireNonNull(source, "source");
        return upsert(source.name(), source);
    }

    /** Creates or replaces the plugin with this id or name (PUT). */
    public CompletableFuture<CustomPlugin> upsert(String idOrName, PluginSource source) {
        Objects.requireNonNull(source, "source");
        String path = item(idOrName).toString();
        return guarded(source, () -> pipeline.send(ApiRequest.put(path, body(source)),
                response -> response.as(CustomPlugin.class)));
    }

    /** Deletes a plugin by id or name; completes normally when it was already gone. */
    public CompletableFuture<Void> delete(String idOrName) {
        return Requests.ignoreNotFound(pipeline.send(ApiRequest.delete(item(idOrName).toString())));
    }

    private CompletableFuture<Page<CustomPlugin>> page(ListOptions options, String offset) {
        ApiPath path = collection()
                .query("size", options.pageSize().isPresent() ? options.pageSize().getAsInt() : null)
                .query("offset", offset)
                .query("tags", options.tagsQuery().orElse(null));
        return pipeline.send(ApiRequest.get(path.toString()), response -> {
            CustomPluginPage body = response.as(CustomPluginPage.class);
            List<CustomPlugin> data = body.getData() == null ? List.of() : body.getData();
            String next = Requests.nextCursor(body.getOffset() != null ? body.getOffset()
                    : Requests.offsetFromNextLink(body.getNext()), offset);
            return new Page<>(data, next, cursor -> page(options, cursor));
        });
    }

    private <T> CompletableFuture<T> guarded(PluginSource source,
                                             java.util.function.Supplier<CompletableFuture<T>> upload) {
        try {
            guard.check(source);
        } catch (PluginValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return upload.get();
    }

    /** Only what Konnect accepts on write: never the server-owned id or timestamps, never nulls. */
    private static CustomPlugin body(PluginSource source) {
        CustomPlugin plugin = new CustomPlugin().name(source.name()).handler(source.handler()).schema(source.schema());
        return source.tags().isEmpty() ? plugin : plugin.tags(source.tags());
    }

    private ApiPath collection() {
        return ApiPath.of("v2", "control-planes").segment(controlPlaneId).literal("core-entities")
                .literal("custom-plugins");
    }

    private ApiPath item(String idOrName) {
        return collection().segment(Requests.requireText(idOrName, "idOrName"));
    }
}
