package org.jamesguard.webadmin;

import javax.inject.Inject;

import org.apache.james.webadmin.Constants;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;
import org.eclipse.jetty.http.HttpStatus;
import org.jamesguard.core.store.StoreUnavailableException;

import spark.Service;

/**
 * All James Guard WebAdmin routes, under {@value #BASE_PATH}. Registered with
 * {@code extensions.routes=org.jamesguard.webadmin.GuardRoutes} in {@code webadmin.properties}. While the state
 * store is unreachable, a route that needs it answers {@code 503} in James's error format and changes nothing.
 */
public class GuardRoutes implements Routes {
    public static final String BASE_PATH = "/guard";

    private final HealthRoutes health;
    private final ScreenRoutes screen;
    private final FrozenRoutes frozen;
    private final AccountRoutes accounts;
    private final ConfigRoutes config;

    @Inject
    public GuardRoutes(HealthRoutes health, ScreenRoutes screen, FrozenRoutes frozen, AccountRoutes accounts,
                       ConfigRoutes config) {
        this.health = health;
        this.screen = screen;
        this.frozen = frozen;
        this.accounts = accounts;
        this.config = config;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        health.define(service);
        screen.define(service);
        frozen.define(service);
        accounts.define(service);
        config.define(service);
        service.exception(StoreUnavailableException.class, (e, request, response) -> {
            response.status(HttpStatus.SERVICE_UNAVAILABLE_503);
            response.type(Constants.JSON_CONTENT_TYPE);
            response.body(ErrorResponder.builder()
                .statusCode(HttpStatus.SERVICE_UNAVAILABLE_503)
                .type(ErrorType.SERVER_ERROR)
                .message("James Guard's state store is unavailable, try again later: %s", e.getMessage())
                .asString());
        });
    }
}
