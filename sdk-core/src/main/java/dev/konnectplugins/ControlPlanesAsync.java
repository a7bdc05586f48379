package dev.konnectplugins;

import dev.konnectplugins.internal.ApiPath;
import dev.konnectplugins.internal.ApiRequest;
import dev.konnectplugins.internal.Futures;
import dev.konnectplugins.internal.HttpPipeline;
import dev.konnectplugins.internal.model.ControlPlanePage;
import dev.konnectplugins.internal.model.PageNumbers;
import dev.konnectplugins.model.ControlPlane;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The organization's control planes, without blocking; see {@link ControlPlanes}. */
public final class ControlPlanesAsync {
    private static final int PAGE_SIZE = 100;

    private final HttpPipeline pipeline;

    ControlPlanesAsync(HttpPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Every control plane, page by page as it is consumed. */
    public AsyncPagedIterable<ControlPlane> list() {
        return new AsyncPagedIterable<>(() -> page(null, 1));
    }

    /** Reads a control plane by id; fails with {@link NotFoundException} when absent. */
    public CompletableFuture<ControlPlane> get(String id) {
        String path = ApiPath.of("v2", "control-planes").segment(Requests.requireText(id, "id")).toString();
        return pipeline.send(ApiRequest.get(path), response -> response.as(ControlPlane.class));
    }

    /** The control plane whose name is exactly {@code name}; empty when none is. */
    public CompletableFuture<Optional<ControlPlane>> findByName(String name) {
        Requests.requireText(name, "name");
        return Futures.map(page(name, 1), page -> page.items().stream()
                .filter(controlPlane -> name.equals(controlPlane.getName()))
                .findFirst());
    }

    /**
     * The control plane whose name is exactly {@code name}.
     *
     * @return fails with {@link NotFoundException} when no control plane has that name
     */
    public CompletableFuture<ControlPlane> getByName(String name) {
        return Futures.map(findByName(name), found -> found.orElseThrow(() -> new NotFoundException(new ErrorDetails(
                "GET", byNamePath(name, 1), 404, "No control plane is named '" + name + "'", null, List.of(), ""))));
    }

    private CompletableFuture<Page<ControlPlane>> page(String name, int number) {
        return pipeline.send(ApiRequest.get(byNamePath(name, number)), response -> {
            ControlPlanePage body = response.as(ControlPlanePage.class);
            List<ControlPlane> data = body.getData() == null ? List.of() : body.getData();
            PageNumbers numbers = body.getMeta() == null ? null : body.getMeta().getPage();
            boolean more = !data.isEmpty() && numbers != null && numbers.getTotal() != null
                    && numbers.getSize() != null && (long) number * numbers.getSize() < numbers.getTotal();
            return new Page<>(data, more ? String.valueOf(number + 1) : null,
                    next -> page(name, Integer.parseInt(next)));
        });
    }

    private static String byNamePath(String name, int number) {
        return ApiPath.of("v2", "control-planes")
                .query("page[size]", PAGE_SIZE)
                .query("page[number]", number)
                .query("filter[name][eq]", name)
                .toString();
    }
}
