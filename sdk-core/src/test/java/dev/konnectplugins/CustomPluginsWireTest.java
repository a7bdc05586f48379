package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.konnectplugins.model.CustomPlugin;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class CustomPluginsWireTest {
    private static final String PATH = "/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins";
    private static final String HANDLER = "return { PRIORITY = 1000, VERSION = \"1.0.0\" }";
    private static final String SCHEMA = "return { name = \"stream-headers\", fields = {} }";
    private static final String STORED = "{\"id\":\"5f0c6d2e-1111-4222-8333-944455556666\",\"name\":\"stream-headers\","
            + "\"handler\":\"h\",\"schema\":\"s\",\"tags\":[\"team-a\"],\"created_at\":1700000000,"
            + "\"updated_at\":1700000100,\"a_field_from_the_future\":{\"x\":1}}";

    private Konnect konnect;
    private CustomPlugins plugins;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        konnect = TestClients.client(wm.getHttpPort());
        plugins = konnect.controlPlane(TestClients.CP).customPlugins();
    }

    @AfterEach
    void tearDown() {
        konnect.close();
    }

    @Test
    void createPostsExactlyTheFieldsKonnectAccepts() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(STORED)));

        CustomPlugin created = plugins.create(PluginSource.of("stream-headers", HANDLER, SCHEMA).withTags("team-a"));

        assertThat(created.getId()).isEqualTo("5f0c6d2e-1111-4222-8333-944455556666");
        assertThat(created.getCreatedAt()).isEqualTo(1700000000L);
        assertThat(created.getTags()).containsExactly("team-a");
        verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withHeader("User-Agent", matching("konnect-plugins-java/\\S+ \\(Java \\S+\\)"))
                .withRequestBody(equalToJson("{\"name\":\"stream-headers\",\"handler\":" + json(HANDLER)
                        + ",\"schema\":" + json(SCHEMA) + ",\"tags\":[\"team-a\"]}", false, false)));
    }

    @Test
    void createWithoutTagsSendsNoNullsAndNoServerOwnedFields() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(201).withBody(STORED)));

        plugins.create(PluginSource.of("stream-headers", HANDLER, SCHEMA));

        verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.id", absent()))
                .withRequestBody(matchingJsonPath("$.created_at", absent()))
                .withRequestBody(matchingJsonPath("$.updated_at", absent()))
                .withRequestBody(matchingJsonPath("$.tags", absent()))
                .withRequestBody(equalToJson("{\"name\":\"stream-headers\",\"handler\":" + json(HANDLER)
                        + ",\"schema\":" + json(SCHEMA) + "}")));
    }

    @Test
    void getReadsByNameAndIgnoresUnknownFields() {
        stubFor(get(PATH + "/stream-headers").willReturn(okJson(STORED)));

        CustomPlugin plugin = plugins.get("stream-headers");

        assertThat(plugin.getName()).isEqualTo("stream-headers");
        assertThat(plugin.getHandler()).isEqualTo("h");
        assertThat(plugin.getSchema()).isEqualTo("s");
        assertThat(plugin.getUpdatedAt()).isEqualTo(1700000100L);
        verify(getRequestedFor(urlEqualTo(PATH + "/stream-headers"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
                .withHeader("Content-Type", absent()));
    }

    @Test
    void getOfAnAbsentPluginThrowsWhileFindIsEmpty() {
        stubFor(get(PATH + "/nope").willReturn(aResponse().withStatus(404)
                .withBody("{\"code\":5,\"message\":\"not found\"}")));

        assertThatThrownBy(() -> plugins.get("nope"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("GET " + PATH + "/nope")
                .hasMessageContaining("404")
                .hasMessageContaining("not found");
        assertThat(plugins.find("nope")).isEmpty();
    }

    @Test
    void findReturnsThePluginWhenPresent() {
        stubFor(get(PATH + "/stream-headers").willReturn(okJson(STORED)));

        assertThat(plugins.find("stream-headers")).map(CustomPlugin::getId)
                .hasValue("5f0c6d2e-1111-4222-8333-944455556666");
    }

    @Test
    void namesAndIdsAreEncodedAsOnePathSegment() {
        stubFor(get(PATH + "/a%2Fb%20c").willReturn(okJson(STORED)));

        plugins.get("a/b c");

        verify(getRequestedFor(urlEqualTo(PATH + "/a%2Fb%20c")));
    }

    @Test
    void upsertPutsByNameWithTheSameBody() {
        stubFor(put(PATH + "/stream-headers").willReturn(okJson(STORED)));

        CustomPlugin saved = plugins.upsert(PluginSource.of("stream-headers", HANDLER, SCHEMA));

        assertThat(saved.getName()).isEqualTo("stream-headers");
        verify(putRequestedFor(urlEqualTo(PATH + "/stream-headers"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("{\"name\":\"stream-headers\",\"handler\":" + json(HANDLER)
                        + ",\"schema\":" + json(SCHEMA) + "}")));
    }

    @Test
    void upsertByIdAddressesTheId() {
        stubFor(put(PATH + "/5f0c6d2e-1111-4222-8333-944455556666").willReturn(okJson(STORED)));

        plugins.upsert("5f0c6d2e-1111-4222-8333-944455556666", PluginSource.of("stream-headers", HANDLER, SCHEMA));

        verify(putRequestedFor(urlEqualTo(PATH + "/5f0c6d2e-1111-4222-8333-944455556666")));
    }

    @Test
    void deleteSucceedsWhetherThePluginExistedOrNot() {
        stubFor(delete(PATH + "/stream-headers").willReturn(aResponse().withStatus(204)));
        stubFor(delete(PATH + "/gone").willReturn(aResponse().withStatus(404)));

        plugins.delete("stream-headers");
        plugins.delete("gone");

        verify(deleteRequestedFor(urlEqualTo(PATH + "/stream-headers")));
        verify(deleteRequestedFor(urlEqualTo(PATH + "/gone")));
    }

    @Test
    void listFollowsOffsetAcrossPagesWithFiltersOnEveryRequest() {
        stubPages();

        List<String> names = plugins.list(ListOptions.builder().tags("team-a", "prod").pageSize(2).build())
                .stream().map(CustomPlugin::getName).collect(Collectors.toList());

        assertThat(names).containsExactly("p1", "p2", "p3", "p4", "p5");
        verify(getRequestedFor(urlEqualTo(PATH + "?size=2&tags=team-a%2Cprod")));
        verify(getRequestedFor(urlEqualTo(PATH + "?size=2&offset=off-2&tags=team-a%2Cprod")));
        verify(getRequestedFor(urlEqualTo(PATH + "?size=2&offset=off-3&tags=team-a%2Cprod")));
    }

    @Test
    void listFetchesPagesOnlyAsIterationReachesThem() {
        stubPages();

        Iterator<CustomPlugin> iterator = plugins.list(ListOptions.builder().tags("team-a", "prod").pageSize(2)
                .build()).iterator();
        assertThat(iterator.next().getName()).isEqualTo("p1");

        verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void listByPageExposesEachPage() {
        stubPages();

        List<Integer> sizes = plugins.list(ListOptions.builder().tags("team-a", "prod").pageSize(2).build())
                .streamByPage().map(page -> page.items().size()).collect(Collectors.toList());

        assertThat(sizes).containsExactly(2, 2, 1);
    }

    @Test
    void anyOfTagsJoinsWithSlash() {
        stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"data\":[],\"next\":null,\"offset\":null}")));

        assertThat(plugins.list(ListOptions.builder().anyOfTags("a", "b").build()).stream()).isEmpty();

        verify(getRequestedFor(urlEqualTo(PATH + "?tags=a%2Fb")));
    }

    @Test
    void listEndsWhenTheServerRepeatsTheSameOffset() {
        stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"data\":[" + plugin("p1") + "],\"offset\":\"same\"}")));
        stubFor(get(urlEqualTo(PATH + "?offset=same")).willReturn(
                okJson("{\"data\":[" + plugin("p2") + "],\"offset\":\"same\"}")));

        assertThat(plugins.list().stream().map(CustomPlugin::getName)).containsExactly("p1", "p2");
    }

    @Test
    void anEmptyPageThatCarriesAnOffsetIsFollowed() {
        stubFor(get(urlEqualTo(PATH)).willReturn(okJson("{\"data\":[],\"offset\":\"o1\"}")));
        stubFor(get(urlEqualTo(PATH + "?offset=o1")).willReturn(okJson("{\"data\":[" + plugin("p1") + "]}")));

        assertThat(plugins.list().stream().map(CustomPlugin::getName)).containsExactly("p1");
    }

    @Test
    void aNextLinkWithoutOffsetIsFollowed() {
        stubFor(get(urlEqualTo(PATH)).willReturn(okJson("{\"data\":[" + plugin("p1") + "],\"next\":\"https://eu.api"
                + ".konghq.com" + PATH + "?size=100&offset=ab%2B%2F%3D%3D\"}")));
        stubFor(get(urlEqualTo(PATH + "?offset=ab%2B%2F%3D%3D")).willReturn(okJson("{\"data\":[" + plugin("p2")
                + "],\"next\":null}")));

        assertThat(plugins.list().stream().map(CustomPlugin::getName)).containsExactly("p1", "p2");
    }

    @Test
    void dotSegmentsAreRefusedBeforeSending() {
        assertThatThrownBy(() -> plugins.delete("..")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'..'");
        assertThatThrownBy(() -> konnect.controlPlane(".").customPlugins().get("x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void asyncOperationsCompleteWithTheSameResults() {
        stubPages();
        stubFor(get(PATH + "/stream-headers").willReturn(okJson(STORED)));

        CustomPluginsAsync async = plugins.async();
        assertThat(async.get("stream-headers").join().getName()).isEqualTo("stream-headers");
        assertThat(async.list(ListOptions.builder().tags("team-a", "prod").pageSize(2).build()).collectAll().join())
                .extracting(CustomPlugin::getName).containsExactly("p1", "p2", "p3", "p4", "p5");
    }

    private static void stubPages() {
        String base = PATH + "?size=2";
        String tags = "&tags=team-a%2Cprod";
        stubFor(get(urlEqualTo(base + tags)).willReturn(okJson("{\"data\":[" + plugin("p1") + "," + plugin("p2")
                + "],\"next\":\"" + PATH + "?offset=off-2\",\"offset\":\"off-2\"}")));
        stubFor(get(urlEqualTo(base + "&offset=off-2" + tags)).willReturn(okJson("{\"data\":[" + plugin("p3") + ","
                + plugin("p4") + "],\"next\":\"" + PATH + "?offset=off-3\",\"offset\":\"off-3\"}")));
        stubFor(get(urlEqualTo(base + "&offset=off-3" + tags)).willReturn(okJson("{\"data\":[" + plugin("p5")
                + "],\"next\":null}")));
    }

    private static String plugin(String name) {
        return "{\"id\":\"id-" + name + "\",\"name\":\"" + name + "\",\"handler\":\"h\",\"schema\":\"s\"}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
