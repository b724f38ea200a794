package org.jamesguard.webadmin;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;

import spark.Service;

/**
 * All James Guard WebAdmin routes, under {@value #BASE_PATH}. Registered with
 * {@code extensions.routes=org.jamesguard.webadmin.GuardRoutes} in {@code webadmin.properties}.
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
    }
}
