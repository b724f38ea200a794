package org.jamesguard.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.jamesguard.core.Mode;
import org.jamesguard.core.net.ExclusionList;

/**
 * Reads one XML element of our configuration (a {@code <handler>} element of {@code smtpserver.xml}, or
 * a section of {@code jamesguard.xml}) and fails with a message naming the element path, the value
 * found and the values allowed. Every element is optional and defaults to the SPEC value; unknown
 * and repeated elements are errors, so a typo never silently leaves a default in place.
 */
public final class ConfigReader {
    private final HierarchicalConfiguration<ImmutableNode> config;
    private final String path;
    private final Map<String, Object> effective;

    private ConfigReader(HierarchicalConfiguration<ImmutableNode> config, String path, Map<String, Object> effective) {
        this.config = config;
        this.path = path;
        this.effective = effective;
    }

    /** @param path how the root element is named in messages, e.g. {@code <handler class="...AuthPolicyHandler">} */
    public static ConfigReader of(HierarchicalConfiguration<ImmutableNode> config, String path) {
        return new ConfigReader(config, path, new LinkedHashMap<>());
    }

    public static ConfigReader empty(String path) {
        return of(new BaseHierarchicalConfiguration(), path);
    }

    /**
     * Every value read so far, defaults included, by element name (nested elements as nested maps): the
     * effective configuration, exactly as parsed, for administrators to see.
     */
    public Map<String, Object> effective() {
        return Collections.unmodifiableMap(effective);
    }

    /** Records a value read by the caller's own parsing (an enum, a redacted secret) in {@link #effective()}. */
    public ConfigReader record(String element, Object value) {
        effective.put(element, value);
        return this;
    }

    private <T> T recorded(String element, T value, Object shown) {
        effective.put(element, shown);
        return value;
    }

    public String path() {
        return path;
    }

    public String pathOf(String element) {
        return path + "<" + element + ">";
    }

    public boolean has(String element) {
        return !config.configurationsAt(element).isEmpty() || config.containsKey(element);
    }

    /** A nested element; an absent one reads as empty (all defaults). */
    public ConfigReader child(String element) {
        List<HierarchicalConfiguration<ImmutableNode>> found = config.configurationsAt(element);
        if (found.size() > 1) {
            throw error(element, "appears " + found.size() + " times, expected at most once");
        }
        HierarchicalConfiguration<ImmutableNode> node = found.isEmpty() ? new BaseHierarchicalConfiguration() : found.get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) effective.computeIfAbsent(element, name -> new LinkedHashMap<>());
        return new ConfigReader(node, pathOf(element), nested);
    }


    public Optional<String> optionalString(String element) {
        List<Object> values = config.getList(element);
        int occurrences = Math.max(values.size(), config.configurationsAt(element).size());
        if (occurrences > 1) {
            throw error(element, "appears " + occurrences + " times, expected at most once");
        }
        if (occurrences == 0) {
            return Optional.empty();
        }
        refuseNested(element);
        String value = values.isEmpty() ? "" : String.valueOf(values.get(0)).trim();
        if (value.isEmpty()) {
            throw error(element, "is empty");
        }
        return Optional.of(value);
    }

    public String string(String element, String defaultValue) {
        String value = optionalString(element).orElse(defaultValue);
        return recorded(element, value, value);
    }

    /** {@code true} or {@code false} (also {@code on}/{@code off}, {@code yes}/{@code no}). */
    public boolean bool(String element, boolean defaultValue) {
        boolean value = optionalString(element).map(text -> parseBoolean(element, text)).orElse(defaultValue);
        return recorded(element, value, value);
    }

    public int integer(String element, int min, int defaultValue) {
        int value = optionalString(element).map(text -> parseInt(element, text, min)).orElse(defaultValue);
        return recorded(element, value, value);
    }

    public Duration duration(String element, Duration defaultValue) {
        Duration value = optionalString(element).map(text -> parse(element, text, Durations::parse)).orElse(defaultValue);
        return recorded(element, value, Durations.format(value));
    }

    public Mode mode(String element, Mode defaultValue) {
        Mode value = optionalString(element).map(text -> parse(element, text, Mode::fromXml)).orElse(defaultValue);
        return recorded(element, value, value.xmlName());
    }

    /** One of a fixed set of words, e.g. {@code messages|recipients}. */
    public <T> T oneOf(String element, Map<String, T> allowed, T defaultValue) {
        T value = optionalString(element).map(text -> {
            T found = allowed.get(text.toLowerCase(Locale.ROOT));
            if (found == null) {
                throw error(element, "expected " + describe(allowed.keySet()) + ", got '" + text + "'");
            }
            return found;
        }).orElse(defaultValue);
        String word = allowed.entrySet().stream().filter(entry -> entry.getValue().equals(value))
            .map(Map.Entry::getKey).findFirst().orElse(String.valueOf(value));
        return recorded(element, value, word);
    }

    /**
     * A list: the element may be repeated, and each occurrence may hold several values separated by
     * commas or whitespace. Each value is parsed by {@code parser}; a bad one is reported with the
     * element's path.
     */
    public <T> List<T> list(String element, Function<String, T> parser) {
        refuseNested(element);
        List<T> parsed = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Object raw : config.getList(element)) {
            for (String value : String.valueOf(raw).split("[,\\s]+")) {
                if (!value.isEmpty()) {
                    parsed.add(parse(element, value, parser));
                    texts.add(value);
                }
            }
        }
        return recorded(element, List.copyOf(parsed), List.copyOf(texts));
    }

    /** A repeatable element holding one value each time, commas and all (a Redis Sentinel URI lists its hosts so). */
    public <T> List<T> repeated(String element, Function<String, T> parser) {
        refuseNested(element);
        List<T> parsed = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Object raw : config.getList(element)) {
            String value = String.valueOf(raw).trim();
            if (value.isEmpty()) {
                throw error(element, "is empty");
            }
            parsed.add(parse(element, value, parser));
            texts.add(value);
        }
        return recorded(element, List.copyOf(parsed), List.copyOf(texts));
    }

    public List<String> strings(String element) {
        return list(element, Function.identity());
    }

    /** An exclusion list (SPEC's wildcards) taking only the given kinds of entries. */
    public ExclusionList exclusionList(String element, Set<ExclusionList.Kind> kinds, boolean caseSensitiveLocalParts) {
        List<String> entries = strings(element);
        return parse(element, String.join(", ", entries), ignored -> ExclusionList.parse(entries, kinds, caseSensitiveLocalParts));
    }

    /** Fails on any child element not named: a typo must not silently leave a default in place. */
    public ConfigReader allowOnly(String... elements) {
        Set<String> known = new LinkedHashSet<>(Arrays.asList(elements));
        ImmutableNode root = config.getNodeModel().getInMemoryRepresentation();
        for (ImmutableNode child : root.getChildren()) {
            if (!known.contains(child.getNodeName())) {
                throw new GuardConfigException(pathOf(child.getNodeName()) + ": unknown element, expected one of "
                    + known.stream().map(name -> "<" + name + ">").collect(Collectors.joining(", ")));
            }
        }
        return this;
    }

    /** A value element written with child elements has no value: refuse it rather than read it as absent. */
    private void refuseNested(String element) {
        for (HierarchicalConfiguration<ImmutableNode> node : config.configurationsAt(element)) {
            if (!node.getNodeModel().getInMemoryRepresentation().getChildren().isEmpty()) {
                throw error(element, "expected a value, got nested elements");
            }
        }
    }

    public <T> T parse(String element, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (GuardConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw error(element, e.getMessage());
        }
    }

    public GuardConfigException error(String element, String message) {
        return new GuardConfigException(pathOf(element) + ": " + message);
    }

    private boolean parseBoolean(String element, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
            case "on":
            case "yes":
                return true;
            case "false":
            case "off":
            case "no":
                return false;
            default:
                throw error(element, "expected true or false, got '" + value + "'");
        }
    }

    private int parseInt(String element, String value, int min) {
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw error(element, "expected a whole number, got '" + value + "'");
        }
        if (parsed < min) {
            throw error(element, "expected a number of at least " + min + ", got " + parsed);
        }
        return parsed;
    }

    public static String describe(Set<String> words) {
        List<String> sorted = new ArrayList<>(words);
        if (sorted.size() == 1) {
            return sorted.get(0);
        }
        return String.join(", ", sorted.subList(0, sorted.size() - 1)) + " or " + sorted.get(sorted.size() - 1);
    }
}
