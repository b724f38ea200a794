package org.jamesguard.webadmin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.webadmin.utils.JsonTransformer;
import org.jamesguard.core.Version;
import org.jamesguard.core.config.GuardSettings;
import org.jamesguard.core.store.Stores;

import spark.Service;

/**
 * {@code GET /guard/health}: the version running and the state store in use: its backend, failure policy, and
 * what the backend reports (the file store's directory and whether writes succeed; whether Redis answers).
 */
public class HealthRoutes {
    private final GuardSettings settings;
    private final Stores stores;
    private final JsonTransformer json;

    @Inject
    public HealthRoutes(GuardSettings settings, Stores stores, JsonTransformer json) {
        this.settings = settings;
        this.stores = stores;
        this.json = json;
    }

    void define(Service service) {
        service.get(GuardRoutes.BASE_PATH + "/health", (request, response) -> body(), json);
    }

    private Map<String, Object> body() {
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("backend", settings.store().backend().name().toLowerCase(Locale.ROOT));
        store.put("failurePolicy", settings.store().failurePolicy().xmlName());
        store.putAll(stores.health());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", Version.CURRENT);
        body.put("reportOnly", settings.reportOnly());
        body.put("stores", store);
        return body;
    }
}
