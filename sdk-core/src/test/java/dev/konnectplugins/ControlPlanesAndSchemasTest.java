package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import dev.konnectplugins.model.ControlPlane;
import dev.konnectplugins.model.PluginSchema;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class ControlPlanesAndSchemasTest {
    private static final String CP_JSON = "{\"id\":\"" + TestClients.CP + "\",\"name\":\"prod-gateways\","
            + "\"description\":\"\",\"labels\":{\"env\":\"prod\"},\"config\":{\"control_plane_endpoint\":"
            + "\"https://x.cp.konghq.com\",\"telemetry_endpoint\":\"https://x.tp0.konghq.com\",\"cluster_type\":"
            + "\"CLUSTER_TYPE_SOMETHING_NEW\",\"auth_type\":\"pinned_client_certs\",\"cloud_gateway\":true,"
            + "\"proxy_urls\":[]},\"created_at\":\"2022-11-04T20:10:06.927Z\",\"updated_at\":\"2022-11-04T20:10:06.927Z\"}";
    private static final String BY_NAME = "/v2/control-planes?page%5Bsize%5D=100&page%5Bnumber%5D=1"
            + "&filter%5Bname%5D%5Beq%5D=";
    private static final String SCHEMAS = "/v2/control-planes/" + TestClients.CP + "/core-entities/plugin-schemas";
    private static final String LUA = "return { name = \"myplugin\", fields = {} }";
    private static final String ITEM = "{\"item\":{\"name\":\"myplugin\",\"lua_schema\":\"return {}\","
            + "\"created_at\":1422386534,\"updated_at\":1422412345}}";

    private Konnect konnect;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        konnect = TestClients.client(wm.getHttpPort());
    }

    @AfterEach
    void tearDown() {
        konnect.close();
    }

    @Test
    void controlPlaneByNameFiltersByExactNameThenAddressesItsPlugins() {
        stubFor(get(urlEqualTo(BY_NAME + "prod-gateways")).willReturn(okJson("{\"meta\":{\"page\":{\"number\":1,"
                + "\"size\":100,\"total\":1}},\"data\":[" + CP_JSON + "]}")));

        ControlPlaneClient controlPlane = konnect.controlPlaneByName("prod-gateways");

        assertThat(controlPlane.id()).isEqualTo(TestClients.CP);
        assertThat(controlPlane.customPlugins().controlPlaneId()).isEqualTo(TestClients.CP);
        verify(getRequestedFor(urlEqualTo(BY_NAME + "prod-gateways")));
    }

    @Test
    void controlPlaneByNameEncodesSpaces() {
        stubFor(get(urlEqualTo(BY_NAME + "Test%20Control%20Plane")).willReturn(okJson("{\"meta\":{\"page\":"
                + "{\"number\":1,\"size\":100,\"total\":0}},\"data\":[]}")));

        assertThatThrownBy(() -> konnect.controlPlaneByName("Test Control Plane"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("control plane 'Test Control Plane' not found on localhost:")
                .hasMessageEndingWith(" (GET /v2/control-planes: HTTP 404)");
    }

    @Test
    void controlPlaneModelKeepsUnknownEnumValuesAndParsesDates() {
        stubFor(get(urlEqualTo("/v2/control-planes/" + TestClients.CP)).willReturn(okJson(CP_JSON)));

        ControlPlane controlPlane = konnect.controlPlane(TestClients.CP).get();

        assertThat(controlPlane.getConfig().getClusterType()).isEqualTo("CLUSTER_TYPE_SOMETHING_NEW");
        assertThat(controlPlane.getLabels()).containsEntry("env", "prod");
        assertThat(controlPlane.getCreatedAt()).isEqualTo(OffsetDateTime.parse("2022-11-04T20:10:06.927Z"));
    }

    @Test
    void controlPlaneListFollowsPageNumbers() {
        String first = "/v2/control-planes?page%5Bsize%5D=100&page%5Bnumber%5D=1";
        String second = "/v2/control-planes?page%5Bsize%5D=100&page%5Bnumber%5D=2";
        StringBuilder page = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            page.append(i == 0 ? "" : ",").append("{\"id\":\"cp-").append(i).append("\",\"name\":\"n").append(i)
                    .append("\"}");
        }
        stubFor(get(urlEqualTo(first)).willReturn(okJson("{\"meta\":{\"page\":{\"number\":1,\"size\":100,"
                + "\"total\":101}},\"data\":[" + page + "]}")));
        stubFor(get(urlEqualTo(second)).willReturn(okJson("{\"meta\":{\"page\":{\"number\":2,\"size\":100,"
                + "\"total\":101}},\"data\":[{\"id\":\"cp-100\",\"name\":\"n100\"}]}")));

        assertThat(konnect.controlPlanes().list().stream().count()).isEqualTo(101);
    }

    @Test
    void pluginSchemaCreatePostsLuaSchemaAndUnwrapsItem() {
        stubFor(post(SCHEMAS).willReturn(aResponse().withStatus(201).withBody(ITEM)));

        PluginSchema schema = konnect.controlPlane(TestClients.CP).pluginSchemas().create(LUA);

        assertThat(schema.getName()).isEqualTo("myplugin");
        assertThat(schema.getCreatedAt()).isEqualTo(1422386534L);
        verify(postRequestedFor(urlEqualTo(SCHEMAS)).withRequestBody(equalToJson("{\"lua_schema\":"
                + "\"return { name = \\\"myplugin\\\", fields = {} }\"}")));
    }

    @Test
    void pluginSchemaGetUpsertDeleteByName() {
        stubFor(get(SCHEMAS + "/myplugin").willReturn(okJson(ITEM)));
        stubFor(put(SCHEMAS + "/myplugin").willReturn(okJson(ITEM)));
        stubFor(delete(SCHEMAS + "/myplugin").willReturn(aResponse().withStatus(204)));
        stubFor(delete(SCHEMAS + "/gone").willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"Not Found\"}")));
        PluginSchemas schemas = konnect.controlPlane(TestClients.CP).pluginSchemas();

        assertThat(schemas.get("myplugin").getLuaSchema()).isEqualTo("return {}");
        assertThat(schemas.upsert("myplugin", LUA).getName()).isEqualTo("myplugin");
        schemas.delete("myplugin");
        schemas.delete("gone");

        verify(putRequestedFor(urlEqualTo(SCHEMAS + "/myplugin")));
        verify(deleteRequestedFor(urlEqualTo(SCHEMAS + "/gone")));
    }

    @Test
    void pluginSchemaAbsentIsNotFoundOrEmpty() {
        stubFor(get(SCHEMAS + "/nope").willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not Found\"}")));
        PluginSchemas schemas = konnect.controlPlane(TestClients.CP).pluginSchemas();

        assertThatThrownBy(() -> schemas.get("nope")).isInstanceOf(NotFoundException.class);
        assertThat(schemas.find("nope")).isEmpty();
    }

    @Test
    void pluginSchemaAnswerWithoutItemIsAnApiError() {
        stubFor(get(SCHEMAS + "/odd").willReturn(okJson("{\"name\":\"odd\"}")));

        assertThatThrownBy(() -> konnect.controlPlane(TestClients.CP).pluginSchemas().get("odd"))
                .isInstanceOf(KonnectApiException.class).hasMessageContaining("no \"item\"");
    }

    @Test
    void pluginSchemaListPagesUntilTheTotal() {
        stubFor(get(urlEqualTo(SCHEMAS + "?page%5Bsize%5D=100")).willReturn(okJson("{\"items\":[{\"name\":\"a\"},"
                + "{\"name\":\"b\"}],\"page\":{\"total_count\":3}}")));
        stubFor(get(urlEqualTo(SCHEMAS + "?page%5Bsize%5D=100&page%5Bafter%5D=b")).willReturn(okJson(
                "{\"items\":[{\"name\":\"c\"}],\"page\":{\"total_count\":3}}")));

        assertThat(konnect.controlPlane(TestClients.CP).pluginSchemas().list().stream().map(PluginSchema::getName)
                .collect(Collectors.toList())).containsExactly("a", "b", "c");
        verify(2, getRequestedFor(urlPathEqualTo(SCHEMAS)));
    }
}
