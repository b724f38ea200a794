package org.jamesguard.webadmin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.webadmin.utils.JsonTransformer;
import org.jamesguard.core.Version;
import org.jamesguard.core.config.GuardSettings;

import spark.Service;

/** {@code GET /guard/health}: the version running and the state stores in use. */
public class HealthRoutes {
    private final GuardSettings settings;
    private final JsonTransformer json;

    @Inject
    public HealthRoutes(GuardSettings settings, JsonTransformer json) {
        this.settings = settings;
        this.json = json;
    }

    void define(Service service) {
        service.get(GuardRoutes.BASE_PATH + "/health", (request, response) -> body(), json);
    }

    private Map<String, Object> body() {
        Map<String, Object> stores = new LinkedHashMap<>();
        stores.put("backend", settings.storeBackend().name().toLowerCase(Locale.ROOT));
        stores.put("failurePolicy", settings.storeFailurePolicy().xmlName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", Version.CURRENT);
        body.put("reportOnly", settings.reportOnly());
        body.put("stores", stores);
        return body;
    }
}
