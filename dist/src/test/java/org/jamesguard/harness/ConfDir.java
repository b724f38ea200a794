package org.jamesguard.harness;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The {@code conf/} folder of a James home, with the edits tests make to the sample configuration. */
public final class ConfDir {
    static final List<String> LISTENER_FILES = List.of("smtpserver.xml", "imapserver.xml", "pop3server.xml");
    private static final String GUARD_PACKAGE = "org.jamesguard.";

    private final Path dir;

    ConfDir(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public void write(String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JMAP on {@code port} of 127.0.0.1, with the home's keystore, as James's sample would have it. */
    public void jmap(int port) {
        property("jmap.properties", "enabled", "true");
        property("jmap.properties", "jmap.port", String.valueOf(port));
        property("jmap.properties", "url.prefix", "http://127.0.0.1:" + port);
        property("jmap.properties", "tls.keystoreURL", "file://conf/keystore");
        property("jmap.properties", "tls.keystoreType", "PKCS12");
        property("jmap.properties", "tls.secret", JamesHome.KEYSTORE_SECRET);
    }

    /** Sets {@code key=value} in a properties file, replacing an existing line for the key. */
    public void property(String name, String key, String value) {
        Map<String, String> lines = new LinkedHashMap<>();
        if (Files.exists(file(name))) {
            int anonymous = 0;
            for (String line : read(name).split("\n")) {
                String trimmed = line.trim();
                int eq = trimmed.indexOf('=');
                boolean setting = !trimmed.isEmpty() && !trimmed.startsWith("#") && eq > 0;
                lines.put(setting ? trimmed.substring(0, eq).trim() : "#" + anonymous++, line);
            }
        }
        lines.put(key, key + "=" + value);
        write(name, String.join("\n", lines.values()) + "\n");
    }

    /** The value of {@code key} in the text of a properties file. */
    public static String propertyValue(String properties, String key) {
        Properties parsed = new Properties();
        try {
            parsed.load(new StringReader(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(parsed.getProperty(key)).orElseThrow(() -> new IllegalArgumentException("no " + key));
    }

    public void xml(String name, Consumer<Document> edit) {
        Document document = parse(read(name));
        edit.accept(document);
        write(name, serialize(document));
    }

    /** Edits the {@code <smtpserver>}, {@code <imapserver>} or {@code <pop3server>} whose jmxName is given. */
    public void listener(String jmxName, Consumer<Element> edit) {
        for (String name : LISTENER_FILES) {
            if (Files.exists(file(name)) && findListener(parse(read(name)), jmxName).isPresent()) {
                xml(name, document -> edit.accept(findListener(document, jmxName).orElseThrow()));
                return;
            }
        }
        throw new IllegalArgumentException("no listener with jmxName " + jmxName + " in " + LISTENER_FILES);
    }

    /** Adds a copy of listener {@code source} named {@code jmxName} to the same file (it gets its own port). */
    public void cloneListener(String source, String jmxName) {
        listener(source, element -> {
            Element copy = (Element) element.cloneNode(true);
            setText(copy, "jmxName", jmxName);
            element.getParentNode().appendChild(copy);
        });
    }

    /** All listeners: jmxName → element, in file order. */
    static List<Element> listeners(Document document) {
        List<Element> found = new ArrayList<>();
        for (Element server : children(document.getDocumentElement())) {
            if (child(server, "jmxName").isPresent()) {
                found.add(server);
            }
        }
        return found;
    }

    private static Optional<Element> findListener(Document document, String jmxName) {
        return listeners(document).stream()
            .filter(server -> child(server, "jmxName").map(Node::getTextContent).map(String::trim).orElse("").equals(jmxName))
            .findFirst();
    }

    /** Sets the text of {@code path} ({@code auth/announce}) under {@code parent}, creating elements as needed. */
    public static void setText(Element parent, String path, String value) {
        Element current = parent;
        for (String name : path.split("/")) {
            Element found = child(current, name).orElse(null);
            if (found == null) {
                found = current.getOwnerDocument().createElement(name);
                current.appendChild(found);
            }
            current = found;
        }
        current.setTextContent(value);
    }

    /**
     * Puts {@code <handler class="...">innerXml</handler>} in the listener's chain: replaces the content
     * of an existing handler of that class, or inserts it after the last James Guard handler (or first
     * when there is none), so James Guard handlers keep the order the tests ask for.
     */
    public static void handler(Element listener, String handlerClass, String innerXml) {
        Element chain = child(listener, "handlerchain").orElseThrow();
        Element handler = handlerElement(chain, handlerClass).orElse(null);
        if (handler == null) {
            handler = chain.getOwnerDocument().createElement("handler");
            handler.setAttribute("class", handlerClass);
            Element lastGuard = null;
            for (Element existing : children(chain)) {
                if (existing.getAttribute("class").startsWith(GUARD_PACKAGE)) {
                    lastGuard = existing;
                }
            }
            Node before = lastGuard != null ? lastGuard.getNextSibling() : chain.getFirstChild();
            chain.insertBefore(handler, before);
        }
        while (handler.getFirstChild() != null) {
            handler.removeChild(handler.getFirstChild());
        }
        for (Node node : fragment(chain.getOwnerDocument(), innerXml)) {
            handler.appendChild(node);
        }
    }

    public static void removeHandler(Element listener, String handlerClass) {
        Element chain = child(listener, "handlerchain").orElseThrow();
        handlerElement(chain, handlerClass).ifPresent(chain::removeChild);
    }

    private static Optional<Element> handlerElement(Element chain, String handlerClass) {
        return children(chain).stream().filter(e -> e.getAttribute("class").equals(handlerClass)).findFirst();
    }

    /** Parses {@code a<b>c</b>} into nodes owned by {@code document}. */
    public static List<Node> fragment(Document document, String xml) {
        Document parsed = parse("<fragment>" + xml + "</fragment>");
        List<Node> nodes = new ArrayList<>();
        NodeList children = parsed.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            nodes.add(document.importNode(children.item(i), true));
        }
        return nodes;
    }

    public static Optional<Element> child(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst();
    }

    public static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalArgumentException("invalid XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    static String serialize(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            var out = new java.io.StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
