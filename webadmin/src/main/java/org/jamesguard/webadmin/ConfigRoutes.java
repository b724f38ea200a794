package org.jamesguard.webadmin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.inject.Inject;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.jamesguard.core.auth.AuthPolicyConfig;
import org.jamesguard.core.auth.SenderPolicyConfig;
import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.config.GuardSettings;
import org.jamesguard.core.rdns.ReverseLookupConfig;
import org.jamesguard.core.screen.ScreenGateConfig;
import org.jamesguard.hooks.smtp.AuthGate;
import org.jamesguard.hooks.smtp.ReverseLookupGate;
import org.jamesguard.hooks.smtp.SenderGate;
import org.jamesguard.hooks.smtp.ScreenGate;

import com.google.common.collect.ImmutableMap;

import spark.Service;

/**
 * {@code GET /guard/config}: the effective configuration, defaults included and secrets hidden: the
 * settings of jamesguard.xml, and per listener the James Guard handlers with their options. Each
 * handler element is parsed by the same parser its handler used at start-up.
 */
public class ConfigRoutes {
    static final String CONFIG = GuardRoutes.BASE_PATH + "/config";
    private static final List<String> LISTENER_FILES = List.of("smtpserver", "pop3server", "imapserver");
    private static final String GUARD_PACKAGE = "org.jamesguard.";
    /** The handlers that have options, and the parsers they read them with. */
    private static final Map<String, Consumer<ConfigReader>> PARSERS = ImmutableMap.of(
        ScreenGate.class.getName(), ScreenGateConfig::parse,
        ReverseLookupGate.class.getName(), ReverseLookupConfig::parse,
        AuthGate.class.getName(), AuthPolicyConfig::parse,
        SenderGate.class.getName(), SenderPolicyConfig::parse);

    private final ConfigurationProvider configurations;
    private final GuardSettings settings;
    private final JsonTransformer json;

    @Inject
    public ConfigRoutes(ConfigurationProvider configurations, GuardSettings settings, JsonTransformer json) {
        this.configurations = configurations;
        this.settings = settings;
        this.json = json;
    }

    void define(Service service) {
        service.get(CONFIG, (request, response) -> effective(), json);
    }

    private Map<String, Object> effective() throws ConfigurationException {
        List<Object> listeners = new ArrayList<>();
        for (String file : LISTENER_FILES) {
            HierarchicalConfiguration<ImmutableNode> servers = configurations.getConfiguration(file);
            for (HierarchicalConfiguration<ImmutableNode> listener : servers.configurationsAt(file)) {
                listeners.add(listener(file, listener));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(GuardSettings.FILE, settings.effective());
        body.put("listeners", listeners);
        return body;
    }

    private static Map<String, Object> listener(String file, HierarchicalConfiguration<ImmutableNode> listener) {
        List<Object> handlers = new ArrayList<>();
        for (HierarchicalConfiguration<ImmutableNode> handler : listener.configurationsAt("handlerchain.handler")) {
            String handlerClass = handler.getString("[@class]", "");
            if (handlerClass.startsWith(GUARD_PACKAGE)) {
                ConfigReader reader = ConfigReader.of(handler, "<handler class=\"" + handlerClass + "\">");
                PARSERS.getOrDefault(handlerClass, ignored -> { }).accept(reader);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("class", handlerClass);
                entry.put("config", reader.effective());
                handlers.add(entry);
            }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", file + ".xml");
        entry.put("jmxName", listener.getString("jmxName", ""));
        entry.put("bind", listener.getString("bind", ""));
        entry.put("handlers", handlers);
        return entry;
    }
}
