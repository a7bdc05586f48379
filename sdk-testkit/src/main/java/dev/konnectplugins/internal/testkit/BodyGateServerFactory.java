package dev.konnectplugins.internal.testkit;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.server.Handler;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * WireMock's Jetty server with one handler in front: WireMock reads a request's whole body into memory before any
 * of its extensions run, so the token and the declared size are checked here, on the headers, first
 * ({@link KonnectRouter#beforeBody}). An unauthenticated or oversized upload is answered without being held in
 * memory; Jetty discards or drops what the client still sends.
 */
public final class BodyGateServerFactory implements HttpServerFactory {
    private final KonnectRouter router;
    private final long maxBodyBytes;

    public BodyGateServerFactory(KonnectRouter router, long maxBodyBytes) {
        this.router = router;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public String getName() {
        return "fake-konnect-body-gate";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        BodyGate gate = new BodyGate();
        return new Jetty11HttpServer(options, admin, stubs) {
            @Override
            protected Handler createHandler(Options config, AdminRequestHandler adminHandler,
                                            StubRequestHandler stubHandler) {
                gate.setHandler(super.createHandler(config, adminHandler, stubHandler));
                return gate;
            }
        };
    }

    /** Answers from the headers alone when {@link KonnectRouter#beforeBody} says so. */
    private final class BodyGate extends HandlerWrapper {
        @Override
        public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
                throws IOException, ServletException {
            String url = request.getQueryString() == null ? request.getRequestURI()
                    : request.getRequestURI() + "?" + request.getQueryString();
            KonnectRequest headersOnly = KonnectRequest.of(request.getMethod(), url, "",
                    request.getHeader("Authorization"));
            Optional<HttpReply> early = router.beforeBody(headersOnly, request.getContentLengthLong(), maxBodyBytes);
            if (early.isEmpty()) {
                super.handle(target, base, request, response);
                return;
            }
            HttpReply reply = early.get();
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            response.setStatus(reply.status());
            response.setContentType(reply.contentType());
            response.setHeader("Connection", "close");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            base.setHandled(true);
        }
    }
}
