package dev.konnectplugins.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.konnectplugins.testkit.KonnectHttp.pluginBody;
import static dev.konnectplugins.testkit.KonnectHttp.plugins;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeKonnectExtension.class)
class InspectionTest {

    private final FakeKonnect fake;
    private final KonnectHttp http;
    private final String path;

    /** One fake per class, reset before each test by the extension. */
    InspectionTest(FakeKonnect fake) {
        this.fake = fake;
        this.http = KonnectHttp.of(fake);
        this.path = plugins(fake.controlPlaneId());
    }

    @Test
    void requestsAreRecordedOldestFirstWithHeadersAndBody() {
        http.post(path, pluginBody("hello"));
        http.get(path + "?size=5");

        assertThat(fake.requests()).hasSize(2);
        RecordedRequest post = fake.requests().get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.url()).isEqualTo(path);
        assertThat(post.header("authorization")).hasValue("Bearer " + fake.token());
        assertThat(post.body()).isEqualTo(pluginBody("hello"));
        RecordedRequest list = fake.requests().get(1);
        assertThat(list.url()).isEqualTo(path + "?size=5");
        assertThat(list.path()).isEqualTo(path);
    }

    @Test
    void theJournalIsAlsoWireMocks() {
        http.get(path);

        assertThat(fake.wireMock().getAllServeEvents()).hasSize(1);
    }

    @Test
    void storedPluginsAreInCreationOrder() {
        http.post(path, pluginBody("b-plugin"));
        http.post(path, pluginBody("a-plugin"));

        assertThat(fake.customPlugins(fake.controlPlaneId())).extracting(StoredCustomPlugin::name)
                .containsExactly("b-plugin", "a-plugin");
        assertThat(fake.customPlugin(fake.controlPlaneId(), "a-plugin")).isPresent();
        assertThat(fake.customPlugin(fake.controlPlaneId(), "c-plugin")).isEmpty();
    }

    @Test
    void ownStubsWinOverTheFake() {
        fake.wireMock().stubFor(get(urlPathEqualTo(path + "/special"))
                .willReturn(aResponse().withStatus(418).withBody("mine")));

        HttpResponse<String> mine = http.get(path + "/special");
        HttpResponse<String> fakes = http.get(path + "/other");

        assertThat(mine.statusCode()).isEqualTo(418);
        assertThat(fakes.statusCode()).isEqualTo(404);
    }

    @Test
    void resetForgetsStateStubsFaultsAndJournalButKeepsTheDefaultControlPlane() {
        String controlPlaneId = fake.controlPlaneId();
        String other = fake.addControlPlane("other");
        http.post(path, pluginBody("hello"));
        fake.faults().failNext(3, 500);
        fake.wireMock().stubFor(get(urlPathEqualTo("/mine")).willReturn(aResponse().withStatus(418)));

        fake.reset();

        assertThat(fake.controlPlaneId()).isEqualTo(controlPlaneId);
        assertThat(fake.customPlugins(controlPlaneId)).isEmpty();
        assertThat(fake.faults().pending()).isZero();
        assertThat(fake.requests()).isEmpty();
        assertThatThrownBy(() -> fake.customPlugins(other)).isInstanceOf(NoSuchElementException.class);
        assertThat(http.get("/mine").statusCode()).isEqualTo(404);
        assertThat(http.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void addControlPlaneRejectsADuplicateName() {
        assertThatThrownBy(() -> fake.addControlPlane("default")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closeIsIdempotent() {
        FakeKonnect other = FakeKonnect.start();

        other.close();
        other.close();

        assertThat(other.wireMock().isRunning()).isFalse();
    }
}
