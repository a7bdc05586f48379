package dev.konnectplugins;

import dev.konnectplugins.internal.Answers;
import dev.konnectplugins.internal.ApiPath;
import dev.konnectplugins.internal.ApiRequest;
import dev.konnectplugins.internal.HttpPipeline;
import dev.konnectplugins.internal.model.PluginInstancePage;
import dev.konnectplugins.model.PluginInstance;
import java.util.List;
import java.util.Objects;

/**
 * The plugin instances of one control plane ({@code /v2/control-planes/{id}/core-entities/plugins}), read-only and
 * without blocking. See {@link PluginInstances}.
 */
public final class PluginInstancesAsync {
    private static final int PAGE_SIZE = 1000;

    private final HttpPipeline pipeline;
    private final String controlPlaneId;

    PluginInstancesAsync(HttpPipeline pipeline, String controlPlaneId) {
        this.pipeline = pipeline;
        this.controlPlaneId = controlPlaneId;
    }

    /**
     * The control plane these instances belong to.
     *
     * @return the control plane's id
     */
    public String controlPlaneId() {
        return controlPlaneId;
    }

    /**
     * Every plugin instance, page by page as it is consumed.
     *
     * @return the instances; each page is requested when consumption reaches it
     */
    public AsyncPagedIterable<PluginInstance> list() {
        return new AsyncPagedIterable<>(() -> pipeline.async(() -> page(null, null)));
    }

    /**
     * The instances of the plugin named exactly {@code pluginName} ({@code filter[name][eq]}).
     *
     * @param pluginName the plugin's exact name, such as {@code my-header}, not null
     * @return the instances; empty when no instance uses the plugin
     */
    public AsyncPagedIterable<PluginInstance> listByPluginName(String pluginName) {
        String name = Requests.requireText(pluginName, "pluginName");
        return new AsyncPagedIterable<>(() -> pipeline.async(() -> page(name, null)));
    }

    PagedIterable<PluginInstance> listNow() {
        return PagedIterable.of(() -> page(null, null));
    }

    PagedIterable<PluginInstance> listByPluginNameNow(String pluginName) {
        String name = Requests.requireText(pluginName, "pluginName");
        return PagedIterable.of(() -> page(name, null));
    }

    private Page<PluginInstance> page(String pluginName, String offset) {
        ApiPath path = ApiPath.of("v2", "control-planes").segment(controlPlaneId).literal("core-entities")
                .literal("plugins")
                .query("size", PAGE_SIZE)
                .query("offset", offset)
                .query("filter[name][eq]", pluginName);
        PluginInstancePage body = pipeline.call(ApiRequest.get(path.toString()),
                response -> response.as(PluginInstancePage.class, page -> Answers.firstProblem(page.getData(),
                        instance -> Answers.required(instance.getId(), "id"))));
        // Konnect filters on the server; the check here keeps the promise if a server ignores the filter.
        List<PluginInstance> data = body.getData() == null ? List.of() : body.getData().stream()
                .filter(instance -> pluginName == null || Objects.equals(pluginName, instance.getName()))
                .toList();
        String next = Requests.nextCursor(body.getOffset() != null ? body.getOffset()
                : Requests.offsetFromNextLink(body.getNext()), offset);
        return new Page<>(data, next, cursor -> page(pluginName, cursor), pipeline, path.toString());
    }

    @Override
    public String toString() {
        return "PluginInstancesAsync{controlPlaneId=" + controlPlaneId + "}";
    }
}
