package dev.konnectplugins.internal.testkit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The WireMock extension behind the fake's catch-all stub. It applies only where that stub names it (not
 * globally), so stubs users add with a higher priority answer instead of the fake, untouched.
 */
public final class FakeKonnectTransformer implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-konnect";

    private final KonnectRouter router;
    private final FaultQueue faults;

    public FakeKonnectTransformer(KonnectRouter router, FaultQueue faults) {
        this.router = router;
        this.faults = faults;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        return faults.take()
                .map(fault -> fault.apply(() -> answer(request)))
                .orElseGet(() -> answer(request));
    }

    private ResponseDefinition answer(LoggedRequest request) {
        String body = request.getBody() == null ? "" : new String(request.getBody(), StandardCharsets.UTF_8);
        KonnectRequest konnectRequest =
                KonnectRequest.of(request.getMethod().getName(), request.getUrl(), body,
                        request.getHeader("Authorization"));
        return toDefinition(router.handle(konnectRequest));
    }

    public static ResponseDefinition toDefinition(HttpReply reply) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(reply.status());
        if (reply.contentType() != null) {
            builder.withHeader("Content-Type", reply.contentType());
        }
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            builder.withHeader(header.getKey(), header.getValue());
        }
        if (!reply.body().isEmpty()) {
            builder.withBody(reply.body().getBytes(StandardCharsets.UTF_8));
        }
        return builder.build();
    }
}
