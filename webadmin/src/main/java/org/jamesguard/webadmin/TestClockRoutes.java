package org.jamesguard.webadmin;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.jamesguard.core.GuardClock;

import spark.Request;
import spark.Service;

/**
 * For end-to-end tests only: moves James Guard's clock forward, so expiry is tested without waiting for it.
 * <pre>
 * GET  /guard/testing/clock                   {"now":"2026-12-03T20:00:00Z"}
 * POST /guard/testing/clock?advance=PT10M     {"now":"2026-12-03T20:10:00Z"}
 * </pre>
 * The test harness names it in {@code webadmin.properties}' {@code extensions.routes} and starts James with
 * {@code -Djamesguard.testing.clock=true}. Named without that property, it stops James's start: a production
 * server can never have a clock that WebAdmin moves.
 */
public class TestClockRoutes implements Routes {
    public static final String BASE_PATH = GuardRoutes.BASE_PATH + "/testing/clock";

    private final GuardClock clock;
    private final JsonTransformer json;

    @Inject
    public TestClockRoutes(GuardClock clock, JsonTransformer json) {
        if (!clock.movable()) {
            throw new IllegalStateException(TestClockRoutes.class.getName() + " moves James Guard's clock and is for tests"
                + " only: remove it from webadmin.properties' extensions.routes (the test harness starts James with -D"
                + GuardClock.TEST_PROPERTY + "=true)");
        }
        this.clock = clock;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, (request, response) -> Map.of("now", clock.instant().toString()), json);
        service.post(BASE_PATH, (request, response) -> Map.of("now", clock.advance(advance(request)).toString()), json);
    }

    private static Duration advance(Request request) {
        String raw = request.queryParams("advance");
        if (raw == null) {
            throw RequestParameters.badRequest("advance is required: an ISO-8601 duration such as PT10M");
        }
        try {
            Duration amount = Duration.parse(raw);
            if (amount.isNegative()) {
                throw RequestParameters.badRequest("advance must not be negative: the clock only moves forward, got " + raw);
            }
            return amount;
        } catch (DateTimeParseException e) {
            throw RequestParameters.badRequest("advance must be an ISO-8601 duration such as PT10M, got '" + raw + "'");
        }
    }
}
