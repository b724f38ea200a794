package org.jamesguard.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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

    private ConfigReader(HierarchicalConfiguration<ImmutableNode> config, String path) {
        this.config = config;
        this.path = path;
    }

    /** @param path how the root element is named in messages, e.g. {@code <handler class="...AuthPolicyHandler">} */
    public static ConfigReader of(HierarchicalConfiguration<ImmutableNode> config, String path) {
        return new ConfigReader(config, path);
    }

    public static ConfigReader empty(String path) {
        return new ConfigReader(new BaseHierarchicalConfiguration(), path);
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
        return new ConfigReader(node, pathOf(element));
    }

    /** Every occurrence of a repeated nested element. */
    public List<ConfigReader> children(String element) {
        List<ConfigReader> readers = new ArrayList<>();
        for (HierarchicalConfiguration<ImmutableNode> node : config.configurationsAt(element)) {
            readers.add(new ConfigReader(node, pathOf(element)));
        }
        return readers;
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
        return optionalString(element).orElse(defaultValue);
    }

    /** {@code true} or {@code false} (also {@code on}/{@code off}, {@code yes}/{@code no}). */
    public boolean bool(String element, boolean defaultValue) {
        return optionalString(element).map(value -> parseBoolean(element, value)).orElse(defaultValue);
    }

    public int integer(String element, int min, int defaultValue) {
        return optionalString(element).map(value -> parseInt(element, value, min)).orElse(defaultValue);
    }

    public Duration duration(String element, Duration defaultValue) {
        return optionalString(element).map(value -> parse(element, value, Durations::parse)).orElse(defaultValue);
    }

    public Mode mode(String element, Mode defaultValue) {
        return optionalString(element).map(value -> parse(element, value, Mode::fromXml)).orElse(defaultValue);
    }

    /** One of a fixed set of words, e.g. {@code messages|recipients}. */
    public <T> T oneOf(String element, Map<String, T> allowed, T defaultValue) {
        return optionalString(element).map(value -> {
            T found = allowed.get(value.toLowerCase(Locale.ROOT));
            if (found == null) {
                throw error(element, "expected " + describe(allowed.keySet()) + ", got '" + value + "'");
            }
            return found;
        }).orElse(defaultValue);
    }

    /**
     * A list: the element may be repeated, and each occurrence may hold several values separated by
     * commas or whitespace. Each value is parsed by {@code parser}; a bad one is reported with the
     * element's path.
     */
    public <T> List<T> list(String element, Function<String, T> parser) {
        refuseNested(element);
        List<T> parsed = new ArrayList<>();
        for (Object raw : config.getList(element)) {
            for (String value : String.valueOf(raw).split("[,\\s]+")) {
                if (!value.isEmpty()) {
                    parsed.add(parse(element, value, parser));
                }
            }
        }
        return List.copyOf(parsed);
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

    static String describe(Set<String> words) {
        List<String> sorted = new ArrayList<>(words);
        if (sorted.size() == 1) {
            return sorted.get(0);
        }
        return String.join(", ", sorted.subList(0, sorted.size() - 1)) + " or " + sorted.get(sorted.size() - 1);
    }
}
