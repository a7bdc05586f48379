package dev.konnectplugins;

import dev.konnectplugins.internal.Answers;
import dev.konnectplugins.internal.ApiPath;
import dev.konnectplugins.internal.ApiRequest;
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

    /**
     * Every control plane, page by page as it is consumed.
     *
     * @return the control planes; each page is requested when consumption reaches it
     */
    public AsyncPagedIterable<ControlPlane> list() {
        return new AsyncPagedIterable<>(() -> pipeline.async(() -> page(null, 1)));
    }

    /**
     * Reads a control plane by id; fails with {@link NotFoundException} when absent.
     *
     * @param id the control plane's id (a UUID), not null
     * @return the control plane
     */
    public CompletableFuture<ControlPlane> get(String id) {
        Requests.requireText(id, "id");
        return pipeline.async(() -> getNow(id));
    }

    /**
     * The control plane whose name is exactly {@code name}; empty when none is.
     *
     * @param name the exact, case-sensitive name, not null
     * @return the control plane, or empty
     */
    public CompletableFuture<Optional<ControlPlane>> findByName(String name) {
        Requests.requireText(name, "name");
        return pipeline.async(() -> findByNameNow(name));
    }

    /**
     * The control plane whose name is exactly {@code name}.
     *
     * @param name the exact, case-sensitive name, not null
     * @return fails with {@link NotFoundException} when no control plane has that name
     */
    public CompletableFuture<ControlPlane> getByName(String name) {
        Requests.requireText(name, "name");
        return pipeline.async(() -> getByNameNow(name));
    }

    // The blocking operations, shared with ControlPlanes.

    PagedIterable<ControlPlane> listNow() {
        return PagedIterable.of(() -> page(null, 1));
    }

    ControlPlane getNow(String id) {
        String path = ApiPath.of("v2", "control-planes").segment(Requests.requireText(id, "id")).toString();
        return pipeline.call(ApiRequest.get(path),
                response -> response.as(ControlPlane.class, ControlPlanesAsync::problem));
    }

    Optional<ControlPlane> findByNameNow(String name) {
        Requests.requireText(name, "name");
        return page(name, 1).items().stream().filter(controlPlane -> name.equals(controlPlane.getName())).findFirst();
    }

    ControlPlane getByNameNow(String name) {
        return findByNameNow(name).orElseThrow(() -> new NotFoundException(new ErrorDetails("GET",
                byNamePath(name, 1), 404, "control plane '" + name + "' not found " + where(), null, List.of(), "")));
    }

    /** "in region eu" for a region's host, else "on" the host, so the user sees which organization was asked. */
    private String where() {
        java.net.URI baseUrl = pipeline.settings().baseUrl();
        for (Region region : Region.values()) {
            if (region.baseUrl().equals(baseUrl)) {
                return "in region " + region.code();
            }
        }
        return "on " + baseUrl.getAuthority();
    }

    private Page<ControlPlane> page(String name, int number) {
        String path = byNamePath(name, number);
        ControlPlanePage body = pipeline.call(ApiRequest.get(path),
                response -> response.as(ControlPlanePage.class,
                        page -> Answers.firstProblem(page.getData(), ControlPlanesAsync::problem)));
        List<ControlPlane> data = body.getData() == null ? List.of() : body.getData();
        PageNumbers numbers = body.getMeta() == null ? null : body.getMeta().getPage();
        boolean more = !data.isEmpty() && numbers != null && numbers.getTotal() != null
                && numbers.getSize() != null && (long) number * numbers.getSize() < numbers.getTotal();
        return new Page<>(data, more ? String.valueOf(number + 1) : null,
                next -> page(name, Integer.parseInt(next)), pipeline, path);
    }

    /** What a control plane from Konnect must have: the id every call uses and the name it is found by. */
    private static String problem(ControlPlane controlPlane) {
        String noId = Answers.required(controlPlane.getId(), "id");
        return noId != null ? noId : Answers.required(controlPlane.getName(), "name");
    }

    private static String byNamePath(String name, int number) {
        return ApiPath.of("v2", "control-planes")
                .query("page[size]", PAGE_SIZE)
                .query("page[number]", number)
                .query("filter[name][eq]", name)
                .toString();
    }
}
