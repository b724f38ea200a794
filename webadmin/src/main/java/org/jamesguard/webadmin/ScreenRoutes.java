package org.jamesguard.webadmin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;
import org.apache.james.webadmin.utils.JsonExtractor;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.config.Durations;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.store.ScreenEntry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The dynamic screen over WebAdmin. Clients are screened per network ({@code <network><clientPrefix>}, IPv4 /32
 * and IPv6 /64 by default): {@code {ip}} is an address, and each route acts on the entry of its network, whose
 * {@code ip} field is that network ({@code 2001:db8:1:2::/64}, or the bare address for a full-length prefix).
 * <ul>
 * <li>{@code GET /guard/screen}: active entries;</li>
 * <li>{@code GET /guard/screen/{ip}}: the entry screening {@code ip}, 404 when none;</li>
 * <li>{@code PUT /guard/screen/{ip}} with {@code {"duration":"60m","reason":"..."}} (both optional): screens the
 * network of {@code ip};</li>
 * <li>{@code DELETE /guard/screen/{ip}}: lifts the entry of the network of {@code ip}.</li>
 * </ul>
 */
public class ScreenRoutes {
    static final String SCREEN = GuardRoutes.BASE_PATH + "/screen";
    static final Duration DEFAULT_DURATION = Duration.ofMinutes(60);
    /** Far below what an expiry can hold (a longer one answered 500); a block for good belongs in a firewall. */

    private final DynamicScreen screen;
    private final TrustedNetworks trusted;
    private final JsonTransformer json;
    private final JsonExtractor<ScreenRequest> extractor = new JsonExtractor<>(ScreenRequest.class);

    @Inject
    public ScreenRoutes(DynamicScreen screen, TrustedNetworks trusted, JsonTransformer json) {
        this.screen = screen;
        this.trusted = trusted;
        this.json = json;
    }

    void define(Service service) {
        service.get(SCREEN, (request, response) -> list(), json);
        service.get(SCREEN + "/:ip", this::get, json);
        service.put(SCREEN + "/:ip", this::put, json);
        service.delete(SCREEN + "/:ip", this::delete);
    }

    private List<Map<String, Object>> list() {
        return screen.list().stream().map(ScreenRoutes::toJson).collect(Collectors.toList());
    }

    private Object get(Request request, Response response) {
        String ip = ip(request);
        return screen.find(ip).map(ScreenRoutes::toJson).orElseThrow(() -> notScreened(ip));
    }

    private static spark.HaltException notScreened(String ip) {
        return ErrorResponder.builder()
            .statusCode(HttpStatus.NOT_FOUND_404)
            .type(ErrorType.NOT_FOUND)
            .message("%s is not screened", ip)
            .haltError();
    }

    private Object put(Request request, Response response) {
        String ip = ip(request);
        ScreenRequest body = RequestParameters.body(request, extractor, () -> new ScreenRequest(null, null));
        Duration duration = body.duration();
        if (trusted.isTrusted(IpAddresses.parse(ip))) {
            throw RequestParameters.badRequest(ip + " is a trusted IP: trusted IPs are never screened");
        }
        ScreenEntry entry = screen.screen(ip, false, duration, body.reason(), AuditContext.forIp(ip)).orElseThrow();
        return toJson(entry);
    }

    private String delete(Request request, Response response) {
        String ip = ip(request);
        if (!screen.unscreen(ip, AuditContext.forIp(ip))) {
            throw notScreened(ip);
        }
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private static String ip(Request request) {
        String raw = request.params("ip");
        if (!IpAddresses.isLiteral(raw)) {
            throw RequestParameters.badRequest("'" + raw + "' is not an IP address");
        }
        return IpAddresses.format(IpAddresses.parse(raw));
    }

    private static Map<String, Object> toJson(ScreenEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ip", entry.ip());
        json.put("since", entry.since().toString());
        json.put("expires", entry.expires().toString());
        json.put("reason", entry.reason());
        return json;
    }

    /** The optional body of a PUT. */
    public static final class ScreenRequest {
        private final Duration duration;
        private final String reason;

        @JsonCreator
        public ScreenRequest(@JsonProperty("duration") String duration, @JsonProperty("reason") String reason) {
            try {
                this.duration = duration == null ? DEFAULT_DURATION : Durations.parse(duration);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("duration: " + e.getMessage());
            }
            this.reason = reason == null || reason.isBlank() ? "added by an administrator" : reason;
        }

        Duration duration() {
            return duration;
        }

        String reason() {
            return reason;
        }
    }
}
