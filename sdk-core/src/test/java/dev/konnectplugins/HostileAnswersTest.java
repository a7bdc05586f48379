package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.konnectplugins.model.CustomPlugin;
import dev.konnectplugins.testsupport.CapturingLogs;
import dev.konnectplugins.testsupport.RecordingDelayer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/**
 * Issue #17, server rows: a server's listings end (no cursor loop, page and item caps), its echo of the token is
 * masked everywhere, and an answer without the fields the SDK relies on is a {@link KonnectApiException}.
 */
class HostileAnswersTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final String PATH = "/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins";

    @RegisterExtension
    static WireMockExtension konnect = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    // Listings.

    @Test
    void aCursorThatAlternatesEndsTheListingWithAClearError() {
        stubPage(null, "a", "p1");
        stubPage("a", "b", "p2");
        stubPage("b", "a", "p3");

        try (Konnect sdk = TestClients.client(konnect.getPort())) {
            CustomPlugins plugins = sdk.controlPlane(TestClients.CP).customPlugins();
            // The guard only keeps a loop from hanging the build (as it would before issue #17).
            KonnectApiException e = assertTimeoutPreemptively(HANG_GUARD, () -> catchThrowableOfType(
                    KonnectApiException.class, () -> plugins.list().stream().count()));
            assertThat(e.getMessage()).contains("GET " + PATH, "cursor on page 3 repeats the one of page 1",
                    "loop");
        }
        assertThat(konnect.findAll(getRequestedFor(urlPathEqualTo(PATH)))).hasSize(3);
    }

    @Test
    void anAsyncListingStopsAtTheSameLoop() {
        stubPage(null, "a", "p1");
        stubPage("a", "b", "p2");
        stubPage("b", "a", "p3");

        try (Konnect sdk = TestClients.client(konnect.getPort())) {
            List<String> seen = new ArrayList<>();
            assertThatThrownBy(() -> sdk.controlPlane(TestClients.CP).customPlugins().async().list()
                    .forEachPage(page -> page.items().forEach(p -> seen.add(p.getName()))).get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(KonnectApiException.class).hasMessageContaining("repeats the one of page 1");
            assertThat(seen).containsExactly("p1", "p2", "p3");
        }
    }

    @Test
    void askingTheSamePageForItsNextTwiceIsNoLoop() {
        stubPage(null, "a", "p1");
        stubPage("a", null, "p2");

        try (Konnect sdk = TestClients.client(konnect.getPort())) {
            Page<CustomPlugin> first = sdk.controlPlane(TestClients.CP).customPlugins().list().iterableByPage()
                    .iterator().next();
            assertThat(first.next().items()).extracting(CustomPlugin::getName).containsExactly("p2");
            assertThat(first.next().items()).extracting(CustomPlugin::getName).containsExactly("p2");
        }
    }

    @Test
    void aServerThatNeverSaysLastPageIsStoppedAtThePageCap() {
        // Every cursor is new (it grows), so only the cap can end this listing.
        konnect.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(
                "{\"data\":[" + plugin("p") + "],\"offset\":\"{{request.query.offset}}x\"}")
                .withTransformers("response-template")));

        try (Konnect sdk = TestClients.builder(konnect.getPort(), new RecordingDelayer()).maxListPages(20).build()) {
            KonnectApiException e = assertTimeoutPreemptively(HANG_GUARD, () -> catchThrowableOfType(
                    KonnectApiException.class,
                    () -> sdk.controlPlane(TestClients.CP).customPlugins().list().stream().count()));
            assertThat(e.getMessage()).contains("did not end after 20 pages", "maxListPages");
        }
        assertThat(konnect.findAll(getRequestedFor(urlPathEqualTo(PATH)))).hasSize(20);
    }

    @Test
    void theItemCapEndsAListingOfTooManyItems() {
        stubPage(null, "a", "p1", "p2", "p3");
        stubPage("a", "b", "p4", "p5", "p6");
        stubPage("b", null, "p7");

        try (Konnect sdk = TestClients.builder(konnect.getPort(), new RecordingDelayer()).maxListItems(5).build()) {
            assertThatThrownBy(() -> sdk.controlPlane(TestClients.CP).customPlugins().list().stream().count())
                    .isInstanceOf(KonnectApiException.class).hasMessageContaining("went past 5 items");
        }
        try (Konnect sdk = TestClients.builder(konnect.getPort(), new RecordingDelayer()).maxListItems(7).build()) {
            assertThat(sdk.controlPlane(TestClients.CP).customPlugins().list().stream().count()).isEqualTo(7);
        }
    }

    @Test
    void theCapsHaveDocumentedDefaultsAndOnlyPositiveValues() {
        assertThat(Konnect.DEFAULT_MAX_LIST_PAGES).isEqualTo(10_000);
        assertThat(Konnect.DEFAULT_MAX_LIST_ITEMS).isEqualTo(1_000_000L);
        assertThatThrownBy(() -> Konnect.builder().maxListPages(0)).hasMessageContaining("maxListPages");
        assertThatThrownBy(() -> Konnect.builder().maxListItems(0)).hasMessageContaining("maxListItems");
    }

    // The token echoed back.

    @Test
    void theTokenEchoedInAnErrorMessageIsMasked() {
        konnect.stubFor(get(urlEqualTo(PATH + "/json")).willReturn(aResponse().withStatus(401)
                .withHeader("X-Request-Id", "req-" + TestClients.TOKEN)
                .withBody("{\"message\":\"invalid Authorization: Bearer " + TestClients.TOKEN + "\"}")));
        konnect.stubFor(get(urlEqualTo(PATH + "/proxy")).willReturn(aResponse().withStatus(502)
                .withBody("<html><title>502 for Authorization: Bearer " + TestClients.TOKEN + "</title><body>"
                        + TestClients.TOKEN + "</body></html>")));

        CapturingLogs.clear();
        try (Konnect sdk = TestClients.builder(konnect.getPort(), new RecordingDelayer())
                .retryPolicy(RetryPolicy.none()).build()) {
            CustomPlugins plugins = sdk.controlPlane(TestClients.CP).customPlugins();
            UnauthorizedException json = catchThrowableOfType(UnauthorizedException.class, () -> plugins.get("json"));
            assertThat(json.getMessage()).contains("Bearer ***", "trace id req-***")
                    .doesNotContain(TestClients.TOKEN);
            assertThat(json.rawBody()).contains("Bearer ***").doesNotContain(TestClients.TOKEN);

            ServerException proxy = catchThrowableOfType(ServerException.class, () -> plugins.get("proxy"));
            assertThat(proxy.getMessage()).contains("Bearer ***").doesNotContain(TestClients.TOKEN);
            assertThat(proxy.rawBody()).doesNotContain(TestClients.TOKEN);
        }
        assertThat(CapturingLogs.events()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.message()).doesNotContain(TestClients.TOKEN));
        assertThat(CapturingLogs.events()).filteredOn(e -> e.level() == Level.TRACE)
                .anySatisfy(e -> assertThat(e.message()).contains("Bearer ***"));
    }

    @Test
    void theTokenEchoedInDataIsMaskedToo() {
        konnect.stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson("{\"name\":\"p\",\"handler\":\"-- "
                + TestClients.TOKEN + "\",\"schema\":\"s\",\"tags\":[\"" + TestClients.TOKEN + "\"]}")));

        try (Konnect sdk = TestClients.client(konnect.getPort())) {
            CustomPlugin plugin = sdk.controlPlane(TestClients.CP).customPlugins().get("p");
            assertThat(plugin.getHandler()).isEqualTo("-- ***");
            assertThat(plugin.getTags()).containsExactly("***");
        }
    }

    // Malformed answers.

    @Test
    void aPluginWithoutANameOrWithWrongTypesIsAKonnectApiException() {
        konnect.stubFor(get(urlEqualTo(PATH + "/noname")).willReturn(okJson("{\"handler\":\"h\",\"schema\":\"s\"}")));
        konnect.stubFor(get(urlEqualTo(PATH + "/blank")).willReturn(okJson("{\"name\":\" \",\"schema\":\"s\"}")));
        konnect.stubFor(get(urlEqualTo(PATH + "/types")).willReturn(okJson("{\"name\":{},\"handler\":\"h\"}")));
        stubBody(null, "{\"data\":[" + plugin("ok") + ",{\"handler\":\"h\"}]}");

        try (Konnect sdk = TestClients.client(konnect.getPort())) {
            CustomPlugins plugins = sdk.controlPlane(TestClients.CP).customPlugins();
            assertThatThrownBy(() -> plugins.get("noname")).isExactlyInstanceOf(KonnectApiException.class)
                    .hasMessageContaining("not a valid CustomPlugin: has no name");
            assertThatThrownBy(() -> plugins.get("blank")).isExactlyInstanceOf(KonnectApiException.class)
                    .hasMessageContaining("has no name");
            assertThatThrownBy(() -> plugins.get("types")).isExactlyInstanceOf(KonnectApiException.class)
                    .hasMessageContaining("not the expected CustomPlugin JSON");
            assertThatThrownBy(() -> plugins.list().stream().count()).isExactlyInstanceOf(KonnectApiException.class)
                    .hasMessageContaining("item 2 of the page has no name");
        }
    }

    @Test
    void aNullInAPageIsAKonnectApiException() {
        stubBody(null, "{\"data\":[null]}");

        try (Konnect sdk = TestClients.client(konnect.getPort())) {
            assertThatThrownBy(() -> sdk.controlPlane(TestClients.CP).customPlugins().async().list().collectAll()
                    .join()).isInstanceOf(CompletionException.class).hasCauseInstanceOf(KonnectApiException.class)
                    .hasMessageContaining("item 1 of the page is null");
        }
    }

    private static void stubPage(String offset, String next, String... names) {
        List<String> items = new ArrayList<>();
        for (String name : names) {
            items.add(plugin(name));
        }
        stubBody(offset, "{\"data\":[" + String.join(",", items) + "]"
                + (next == null ? "" : ",\"offset\":\"" + next + "\"") + "}");
    }

    private static void stubBody(String offset, String body) {
        konnect.stubFor(get(urlPathEqualTo(PATH))
                .withQueryParam("offset", offset == null ? absent() : equalTo(offset))
                .willReturn(okJson(body)));
    }

    private static String plugin(String name) {
        return "{\"name\":\"" + name + "\",\"handler\":\"h\",\"schema\":\"s\"}";
    }
}
