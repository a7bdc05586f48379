package dev.konnectplugins;

import dev.konnectplugins.internal.Answers;
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
import java.util.function.Supplier;

/**
 * The streamed custom plugins of one control plane, without blocking: every method returns at once with a
 * {@link CompletableFuture} that fails with the same exceptions the blocking {@link CustomPlugins} throws, and
 * completes on the client's executor (see {@link Konnect.Builder#executor}).
 *
 * <p>Each operation is written once, blocking (the package-private methods, which {@link CustomPlugins} calls on
 * its caller's thread); the public methods here run it on the client's executor.
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

    /**
     * The control plane these plugins belong to.
     *
     * @return the control plane's id
     */
    public String controlPlaneId() {
        return controlPlaneId;
    }

    /**
     * Uploads a new plugin (POST); see {@link CustomPlugins#create}. The offline validation runs on the calling
     * thread before the future is returned (it takes milliseconds); the upload itself does not block.
     *
     * @param source the plugin's name, handler, schema and tags
     * @return the plugin as Konnect stored it, with its id
     */
    public CompletableFuture<CustomPlugin> create(PluginSource source) {
        Objects.requireNonNull(source, "source");
        return checkedThenAsync(source, () -> upload(ApiRequest.post(collection().toString(), body(source))));
    }

    /**
     * The offline checks {@link #create} and {@link #upsert} run first; see {@link CustomPlugins#validate}.
     *
     * @param source the plugin to check
     * @return every finding, in a deterministic order; empty when nothing is wrong
     */
    public List<Diagnostic> validate(PluginSource source) {
        return guard.diagnose(Objects.requireNonNull(source, "source"));
    }

    /**
     * Reads a plugin by id or name; fails with {@link NotFoundException} when absent.
     *
     * @param idOrName the plugin's id (a UUID) or its name
     * @return the plugin
     */
    public CompletableFuture<CustomPlugin> get(String idOrName) {
        Requests.requireText(idOrName, "idOrName");
        return pipeline.async(() -> getNow(idOrName));
    }

    /**
     * Reads a plugin by id or name; empty when absent.
     *
     * @param idOrName the plugin's id (a UUID) or its name
     * @return the plugin, or empty
     */
    public CompletableFuture<Optional<CustomPlugin>> find(String idOrName) {
        Requests.requireText(idOrName, "idOrName");
        return pipeline.async(() -> findNow(idOrName));
    }

    /**
     * Every plugin, page by page as it is consumed.
     *
     * @return the plugins; each page is requested when consumption reaches it
     */
    public AsyncPagedIterable<CustomPlugin> list() {
        return list(ListOptions.defaults());
    }

    /**
     * The plugins matching {@code options}, page by page as they are consumed.
     *
     * @param options the tag filter and page size; {@link ListOptions#defaults()} for none
     * @return the matching plugins
     */
    public AsyncPagedIterable<CustomPlugin> list(ListOptions options) {
        Objects.requireNonNull(options, "options");
        return new AsyncPagedIterable<>(() -> pipeline.async(() -> page(options, null)));
    }

    /**
     * Creates or replaces the plugin named by the source (PUT).
     *
     * @param source the plugin; its name picks the plugin to create or replace
     * @return the plugin as Konnect stored it
     */
    public CompletableFuture<CustomPlugin> upsert(PluginSource source) {
        Objects.requireNonNull(source, "source");
        return upsert(source.name(), source);
    }

    /**
     * Creates or replaces the plugin with this id or name (PUT).
     *
     * @param idOrName the id (a UUID) or name of the plugin to create or replace
     * @param source the plugin's new handler, schema and tags (and name)
     * @return the plugin as Konnect stored it
     */
    public CompletableFuture<CustomPlugin> upsert(String idOrName, PluginSource source) {
        Objects.requireNonNull(source, "source");
        String path = item(idOrName).toString();
        return checkedThenAsync(source, () -> upload(ApiRequest.put(path, body(source))));
    }

    /**
     * Deletes a plugin by id or name; completes normally when it was already gone.
     *
     * @param idOrName the plugin's id (a UUID) or its name
     * @return completes when the plugin is gone; fails with {@link PluginInUseException} when plugin instances still
     *     use it
     */
    public CompletableFuture<Void> delete(String idOrName) {
        Requests.requireText(idOrName, "idOrName");
        return pipeline.async(() -> {
            deleteNow(idOrName);
            return null;
        });
    }

    // The blocking operations, shared with CustomPlugins.

    CustomPlugin createNow(PluginSource source) {
        Objects.requireNonNull(source, "source");
        guard.check(source);
        return upload(ApiRequest.post(collection().toString(), body(source)));
    }

    CustomPlugin getNow(String idOrName) {
        return pipeline.call(ApiRequest.get(item(idOrName).toString()),
                response -> response.as(CustomPlugin.class, CustomPluginsAsync::problem));
    }

    Optional<CustomPlugin> findNow(String idOrName) {
        return Requests.emptyWhenNotFound(() -> getNow(idOrName));
    }

    PagedIterable<CustomPlugin> listNow(ListOptions options) {
        Objects.requireNonNull(options, "options");
        return PagedIterable.of(() -> page(options, null));
    }

    CustomPlugin upsertNow(String idOrName, PluginSource source) {
        Objects.requireNonNull(source, "source");
        String path = item(idOrName).toString();
        guard.check(source);
        return upload(ApiRequest.put(path, body(source)));
    }

    void deleteNow(String idOrName) {
        ApiRequest request = ApiRequest.delete(item(idOrName).toString());
        Requests.ignoreNotFound(() -> pipeline.call(request, response -> null));
    }

    /** Validates on the calling thread (milliseconds), then uploads on the executor. */
    private CompletableFuture<CustomPlugin> checkedThenAsync(PluginSource source, Supplier<CustomPlugin> upload) {
        try {
            guard.check(source);
        } catch (PluginValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return pipeline.async(upload);
    }

    private CustomPlugin upload(ApiRequest request) {
        return pipeline.call(request, response -> response.as(CustomPlugin.class, CustomPluginsAsync::problem));
    }

    private Page<CustomPlugin> page(ListOptions options, String offset) {
        ApiPath path = collection()
                .query("size", options.pageSize().isPresent() ? options.pageSize().getAsInt() : null)
                .query("offset", offset)
                .query("tags", options.tagsQuery().orElse(null));
        CustomPluginPage body = pipeline.call(ApiRequest.get(path.toString()),
                response -> response.as(CustomPluginPage.class,
                        page -> Answers.firstProblem(page.getData(), CustomPluginsAsync::problem)));
        List<CustomPlugin> data = body.getData() == null ? List.of() : body.getData();
        String next = Requests.nextCursor(body.getOffset() != null ? body.getOffset()
                : Requests.offsetFromNextLink(body.getNext()), offset);
        return new Page<>(data, next, cursor -> page(options, cursor), pipeline, path.toString());
    }

    /**
     * What a plugin from Konnect must have: its name, which every caller keys on. (A missing handler or schema
     * reads as an empty file, as a plan or a pull shows it.)
     */
    private static String problem(CustomPlugin plugin) {
        return Answers.required(plugin.getName(), "name");
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
