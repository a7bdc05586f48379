package dev.konnectplugins.testkit;

import static dev.konnectplugins.testkit.KonnectHttp.json;
import static dev.konnectplugins.testkit.KonnectHttp.pluginBody;
import static dev.konnectplugins.testkit.KonnectHttp.plugins;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CustomPluginPagingTest {

    private static FakeKonnect fake;
    private static KonnectHttp http;
    private static String path;

    @BeforeAll
    static void seed() {
        fake = FakeKonnect.start();
        http = KonnectHttp.of(fake);
        path = plugins(fake.controlPlaneId());
        // p1..p7; odd ones tagged "odd", multiples of three "three", every one "all".
        for (int i = 1; i <= 7; i++) {
            List<String> tags = new ArrayList<>(List.of("all"));
            if (i % 2 == 1) {
                tags.add("odd");
            }
            if (i % 3 == 0) {
                tags.add("three");
            }
            assertThat(http.post(path, pluginBody("p" + i, tags.toArray(String[]::new))).statusCode()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void followingOffsetVisitsEveryPluginOnceInCreationOrder() {
        List<String> names = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String offset = null;
        do {
            String url = path + "?size=3" + (offset == null ? "" : "&offset=" + offset);
            JsonNode page = json(http.get(url));
            page.get("data").forEach(plugin -> names.add(plugin.get("name").asText()));
            pageSizes.add(page.get("data").size());
            offset = page.hasNonNull("offset") ? page.get("offset").asText() : null;
        } while (offset != null);

        assertThat(names).containsExactly("p1", "p2", "p3", "p4", "p5", "p6", "p7");
        assertThat(pageSizes).containsExactly(3, 3, 1);
    }

    @Test
    void nextIsAPathUnderV2ThatGivesTheNextPage() {
        JsonNode first = json(http.get(path + "?size=3"));
        String next = first.get("next").asText();

        assertThat(next).startsWith(path + "?").contains("offset=" + first.get("offset").asText());
        JsonNode second = json(http.get(next));
        assertThat(second.get("data").get(0).get("name").asText()).isEqualTo("p4");
        JsonNode third = json(http.get(second.get("next").asText()));
        assertThat(third.get("data")).hasSize(1);
        assertThat(third.get("next").isNull()).isTrue();
        assertThat(third.has("offset")).isFalse();
    }

    @Test
    void anExactlyFullLastPageHasNoNext() {
        JsonNode page = json(http.get(path + "?size=7"));

        assertThat(page.get("data")).hasSize(7);
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void defaultSizeIs100() {
        assertThat(json(http.get(path)).get("data")).hasSize(7);
    }

    @Test
    void sizeOutOfRangeIs400() {
        for (String size : List.of("0", "1001", "ten")) {
            HttpResponse<String> response = http.get(path + "?size=" + size);

            assertThat(response.statusCode()).as(size).isEqualTo(400);
            assertThat(json(response).get("details").get(0).get("field").asText()).isEqualTo("size");
        }
        assertThat(http.get(path + "?size=1000").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownOffsetIs400() {
        HttpResponse<String> response = http.get(path + "?offset=bm90LW91cnM");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("details").get(0).get("field").asText()).isEqualTo("offset");
    }

    @Test
    void commaMeansAllTags() {
        assertThat(names(path + "?tags=odd,three")).containsExactly("p3");
    }

    @Test
    void slashMeansAnyTag() {
        assertThat(names(path + "?tags=" + URLEncoder.encode("odd/three", StandardCharsets.UTF_8)))
                .containsExactly("p1", "p3", "p5", "p6", "p7");
        assertThat(names(path + "?tags=odd/three")).containsExactly("p1", "p3", "p5", "p6", "p7");
    }

    @Test
    void tagFilterPagesAndKeepsTheFilterInNext() {
        JsonNode first = json(http.get(path + "?size=2&tags=odd"));
        JsonNode second = json(http.get(first.get("next").asText()));

        assertThat(first.get("data")).extracting(plugin -> plugin.get("name").asText()).containsExactly("p1", "p3");
        assertThat(second.get("data")).extracting(plugin -> plugin.get("name").asText()).containsExactly("p5", "p7");
        assertThat(second.get("next").isNull()).isTrue();
    }

    @Test
    void mixingAndWithOrIs400() {
        assertThat(http.get(path + "?tags=odd,three/all").statusCode()).isEqualTo(400);
    }

    @Test
    void anEmptyControlPlaneHasAnEmptyLastPage() {
        String other = fake.addControlPlane("empty-" + System.nanoTime());
        JsonNode page = json(http.get(plugins(other)));

        assertThat(page.get("data")).isEmpty();
        assertThat(page.get("next").isNull()).isTrue();
    }

    private static List<String> names(String url) {
        List<String> names = new ArrayList<>();
        json(http.get(url)).get("data").forEach(plugin -> names.add(plugin.get("name").asText()));
        return names;
    }
}
