package org.lexgate.gateway.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.lexgate.message.xml.LocatedError;
import org.lexgate.message.xml.LocatedXmlReader;
import org.lexgate.message.xml.XmlLimits;
import org.lexgate.trust.directory.DirectoryError;
import org.lexgate.trust.directory.DirectoryException;
import org.lexgate.trust.directory.Party;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.directory.Role;
import org.lexgate.trust.signature.DocumentSigner;
import org.lexgate.trust.signature.SigningCredential;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a node configuration file: schema first ({@value #SCHEMA_RESOURCE}), then every file and
 * secret it names (the party directory loads, this node is in it, keystores open with their
 * passwords and hold the alias, the signing key is strong enough, endpoint URLs are usable). Every
 * error is collected with file, line and reason; {@link NodeConfigException} lists them all and a
 * configuration is returned only when there is none (STYLE.md rule 7: never half-loaded).
 *
 * <p>The loaded {@link PartyDirectory} is returned alongside, so a node reads it once.
 */
public final class NodeConfigLoader {

    /** The namespace of node configuration files. */
    public static final String NAMESPACE = "http://lexgate.org/ns/node/2026/11";
    /** The schema as a class-path resource. */
    public static final String SCHEMA_RESOURCE = "/org/lexgate/gateway/node/node-config.xsd";
    /** The default environment variable of the document key's password. */
    public static final String DEFAULT_KEY_PASSWORD_ENV = "LEXGATE_KEY_PASSWORD";
    /** The default SOAP endpoint. */
    public static final URI DEFAULT_SOAP = URI.create("http://127.0.0.1:8441/lexgate/soap");
    /**
     * Requests the routine ETSI HTTP endpoint serves at once, when the file does not say: two per
     * processor core. Accepting a message is CPU work (signature, schema, receipt signature) around
     * two durable writes, so two per core keep the cores busy while some wait on a write. Measured
     * on 2 cores under saturation: 4 workers accepted 1.5 to 2 times as many messages per second as
     * 2, with the emergency intake's p99 under 100 ms in both; 8 (the former fixed pool) made every
     * request, the emergency intake's too, wait longer for the CPU. More workers also accept faster
     * than role processing follows: the benchmark's processingBacklogAtEnd shows by how much.
     */
    public static int defaultEtsiHttpWorkers() {
        return 2 * Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Requests the emergency intake serves at once. */
    public static final int DEFAULT_EMERGENCY_WORKERS = 2;
    /** Connections the operating system queues before an HTTP listener accepts them. */
    public static final int DEFAULT_HTTP_BACKLOG = 128;
    /** The emergency intake's default port: the ETSI HTTP endpoint's port plus this (port 0 stays 0). */
    public static final int EMERGENCY_PORT_OFFSET = 100;

    private final Function<String, String> environment;

    /** A loader that reads passwords from the process environment. */
    public NodeConfigLoader() {
        this(System::getenv);
    }

    /** A loader that reads passwords from {@code environment} (tests pass a map). */
    public NodeConfigLoader(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** A loaded configuration and the party directory it names. */
    public record Loaded(NodeConfig config, PartyDirectory directory) {
    }

    /**
     * Loads and checks a configuration file.
     *
     * @throws NodeConfigException listing every error, each with file and line
     */
    public Loaded load(Path file) throws NodeConfigException {
        Path source = file.toAbsolutePath().normalize();
        URL schema = NodeConfigLoader.class.getResource(SCHEMA_RESOURCE);
        List<LocatedError> located = new ArrayList<>();
        Document document = new LocatedXmlReader(schema).read(source, located);
        List<ConfigError> errors = new ArrayList<>();
        located.forEach(e -> errors.add(new ConfigError(e.file(), e.line(), e.reason())));
        if (document == null || !errors.isEmpty()) {
            throw new NodeConfigException(source, errors);
        }
        Loaded loaded = new Reader(source, errors).read(document.getDocumentElement());
        if (!errors.isEmpty()) {
            throw new NodeConfigException(source, errors);
        }
        return loaded;
    }

    /** One pass over one file, collecting errors. */
    private final class Reader {
        private final Path source;
        private final Path base;
        private final List<ConfigError> errors;

        Reader(Path source, List<ConfigError> errors) {
            this.source = source;
            this.base = source.getParent();
            this.errors = errors;
        }

        Loaded read(Element root) {
            Element identityElement = child(root, "identity").orElseThrow();
            PartyId identity = partyId(identityElement);
            Optional<Element> directoryElement = child(root, "directory");
            Path directoryFile = directoryElement.map(e -> path(text(e))).orElse(base.resolve("directory.xml"));
            PartyDirectory directory = directory(directoryFile, directoryElement.orElse(root));
            Set<Role> roles = roles(root, identity, identityElement, directory);
            Path data = child(root, "dataDirectory").map(e -> path(text(e))).orElse(base.resolve("data"));

            Optional<Element> signingElement = child(root, "signing");
            String defaultAlias = identity == null ? "key" : identity.toString().toLowerCase(Locale.ROOT).replace(':', '-');
            String alias = signingElement.flatMap(e -> attr(e, "alias")).orElse(defaultAlias);
            Path keystore = signingElement.flatMap(e -> attr(e, "keystore")).map(this::path)
                    .orElse(base.resolve("keys").resolve(alias + ".p12"));
            String keyEnv = signingElement.flatMap(e -> attr(e, "passwordEnv")).orElse(DEFAULT_KEY_PASSWORD_ENV);
            Element signingAt = signingElement.orElse(root);
            NodeConfig.KeyEntry signing = keyEntry(keystore, alias, keyEnv, signingAt, "signing");
            checkSigningKey(signing, signingAt);

            NodeConfig.Hop hop = hop(child(root, "hop"), signing, keyEnv, root);
            NodeConfig.Database database = database(child(root, "database"));
            NodeConfig.Broker broker = broker(child(root, "broker"));
            NodeConfig.Endpoints endpoints = endpoints(child(root, "endpoints"), hop.tls());
            NodeConfig.Limits limits = limits(child(root, "limits"));
            NodeConfig.Retry retry = retry(child(root, "retry"));
            Map<String, String> settings = roleSettings(child(root, "roleSettings"));
            if (!errors.isEmpty()) {
                return null;
            }
            NodeConfig config = new NodeConfig(source, identity, roles, directoryFile, data, signing, hop, database,
                    broker, endpoints, limits, retry, settings);
            return new Loaded(config, directory);
        }

        private PartyId partyId(Element e) {
            try {
                return PartyId.parse(text(e));
            } catch (IllegalArgumentException ex) {
                error(e, ex.getMessage());
                return null;
            }
        }

        private PartyDirectory directory(Path file, Element at) {
            if (!Files.isRegularFile(file)) {
                error(at, "party directory " + file + " does not exist");
                return null;
            }
            try {
                return PartyDirectory.load(file);
            } catch (DirectoryException e) {
                for (DirectoryError d : e.errors()) {
                    errors.add(new ConfigError(d.file(), d.line(), d.reason()));
                }
                return null;
            }
        }

        private Set<Role> roles(Element root, PartyId identity, Element identityElement, PartyDirectory directory) {
            Optional<Party> party = directory == null || identity == null ? Optional.empty() : directory.party(identity);
            if (directory != null && identity != null && party.isEmpty()) {
                error(identityElement, "party " + identity + " is not in the party directory " + directory.source());
            }
            Optional<Element> rolesElement = child(root, "roles");
            if (rolesElement.isEmpty()) {
                return party.map(Party::roles).orElse(Set.of());
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String name : text(rolesElement.get()).trim().split("\\s+")) {
                Role.fromXml(name).ifPresent(roles::add);
            }
            party.ifPresent(p -> {
                if (roles.stream().noneMatch(p::hasRole)) {
                    error(rolesElement.get(), "roles " + roles + " include none that the directory gives "
                            + p.id() + " " + p.roles());
                }
            });
            return roles;
        }

        private NodeConfig.KeyEntry keyEntry(Path keystore, String alias, String env, Element at, String what) {
            char[] password = secret(env, at, what + " keystore password", true);
            if (!Files.isRegularFile(keystore)) {
                error(at, what + " keystore " + keystore + " does not exist");
                return new NodeConfig.KeyEntry(keystore, alias, password);
            }
            if (password != null) {
                try {
                    KeyStore store = loadPkcs12(keystore, password);
                    if (!store.isKeyEntry(alias)) {
                        error(at, what + " keystore " + keystore + " has no key entry '" + alias + "'; entries: "
                                + java.util.Collections.list(store.aliases()));
                    }
                } catch (IOException | GeneralSecurityException e) {
                    error(at, what + " keystore " + keystore + " cannot be opened (wrong password in $" + env
                            + "?): " + e.getMessage());
                }
            }
            return new NodeConfig.KeyEntry(keystore, alias, password == null ? new char[0] : password);
        }

        private void checkSigningKey(NodeConfig.KeyEntry key, Element at) {
            if (!errors.isEmpty()) {
                return;
            }
            try {
                new DocumentSigner(SigningCredential.fromPkcs12(key.keystore(), key.password(), key.alias()));
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                error(at, "signing key " + key + " cannot sign: " + e.getMessage());
            }
        }

        private NodeConfig.Hop hop(Optional<Element> hopElement, NodeConfig.KeyEntry signing, String keyEnv, Element root) {
            Element at = hopElement.orElse(root);
            String alias = hopElement.flatMap(e -> attr(e, "alias")).orElse(signing.alias());
            Path keystore = hopElement.flatMap(e -> attr(e, "keystore")).map(this::path).orElse(signing.keystore());
            String env = hopElement.flatMap(e -> attr(e, "passwordEnv")).orElse(keyEnv);
            NodeConfig.KeyEntry key = keystore.equals(signing.keystore()) && alias.equals(signing.alias()) && env.equals(keyEnv)
                    ? signing : keyEntry(keystore, alias, env, at, "hop");
            Optional<Path> anchors = hopElement.flatMap(e -> attr(e, "trustAnchors")).map(this::path);
            char[] anchorsPassword = new char[0];
            if (anchors.isPresent()) {
                Path file = anchors.get();
                if (!Files.isRegularFile(file)) {
                    error(at, "hop trust anchors " + file + " do not exist");
                } else if (file.toString().endsWith(".p12") || file.toString().endsWith(".pfx")) {
                    String anchorsEnv = hopElement.flatMap(e -> attr(e, "trustAnchorsPasswordEnv")).orElse(env);
                    anchorsPassword = Optional.ofNullable(secret(anchorsEnv, at, "hop truststore password", true))
                            .orElse(new char[0]);
                    try {
                        if (loadPkcs12(file, anchorsPassword).size() == 0) {
                            error(at, "hop truststore " + file + " holds no certificate");
                        }
                    } catch (IOException | GeneralSecurityException e) {
                        error(at, "hop truststore " + file + " cannot be opened: " + e.getMessage());
                    }
                } else {
                    try (InputStream in = Files.newInputStream(file)) {
                        if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                            error(at, "hop trust anchors " + file + " hold no PEM certificate");
                        }
                    } catch (IOException | CertificateException e) {
                        error(at, "hop trust anchors " + file + " cannot be read as PEM certificates: " + e.getMessage());
                    }
                }
            }
            NodeConfig.Tls tls = hopElement.flatMap(e -> attr(e, "tls"))
                    .map(t -> NodeConfig.Tls.valueOf(t.toUpperCase(Locale.ROOT))).orElse(NodeConfig.Tls.NONE);
            return new NodeConfig.Hop(key, anchors, anchorsPassword,
                    seconds(hopElement, "timestampTtlSeconds", 300), seconds(hopElement, "clockSkewSeconds", 60),
                    seconds(hopElement, "receiveTimeoutSeconds", 60), tls);
        }

        private NodeConfig.Database database(Optional<Element> e) {
            String env = e.flatMap(x -> attr(x, "passwordEnv")).orElse("LEXGATE_DB_PASSWORD");
            Optional<String> url = e.flatMap(x -> attr(x, "url"));
            url.ifPresent(u -> {
                if (!u.startsWith("jdbc:")) {
                    error(e.get(), "database url is not a JDBC URL: " + u);
                }
            });
            char[] password = e.map(x -> secret(env, x, "database password", false)).orElse(null);
            return new NodeConfig.Database(url, e.flatMap(x -> attr(x, "user")),
                    password == null ? new char[0] : password, e.flatMap(x -> attr(x, "schema")));
        }

        private NodeConfig.Broker broker(Optional<Element> e) {
            String env = e.flatMap(x -> attr(x, "passwordEnv")).orElse("LEXGATE_BROKER_PASSWORD");
            char[] password = e.map(x -> secret(env, x, "broker password", false)).orElse(null);
            return new NodeConfig.Broker(e.flatMap(x -> attr(x, "url")), e.flatMap(x -> attr(x, "user")),
                    password == null ? new char[0] : password);
        }

        private NodeConfig.Endpoints endpoints(Optional<Element> e, NodeConfig.Tls tls) {
            if (e.isPresent() && "false".equals(e.get().getAttribute("enabled"))) {
                return new NodeConfig.Endpoints(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty());
            }
            Optional<URI> soap = e.isEmpty() ? Optional.of(DEFAULT_SOAP) : e.flatMap(x -> child(x, "soap")).map(this::url);
            Optional<Element> soapElement = e.flatMap(x -> child(x, "soap"));
            soap.ifPresent(u -> {
                boolean https = "https".equals(u.getScheme());
                if (https != (tls != NodeConfig.Tls.NONE)) {
                    error(soapElement.or(() -> e).orElse(null), "soap endpoint " + u + ": an https URL needs <hop tls=\"tls|mutual\">"
                            + " and TLS needs an https URL");
                }
            });
            Optional<Element> etsiElement = e.flatMap(x -> child(x, "etsiHttp"));
            Optional<NodeConfig.HttpListener> etsi = etsiElement.map(x -> listener(x, url(x), defaultEtsiHttpWorkers()));
            Optional<NodeConfig.HttpListener> emergency = emergencyIntake(e.flatMap(x -> child(x, "etsiHttpEmergency")),
                    etsi, etsiElement.orElse(null));
            return new NodeConfig.Endpoints(soap, etsi, emergency, e.flatMap(x -> child(x, "inboundQueue")).map(this::text),
                    e.flatMap(x -> child(x, "receiptQueue")).map(this::text));
        }

        /**
         * The emergency intake: as configured, or by default beside the ETSI HTTP endpoint (same host
         * and path, port + {@value #EMERGENCY_PORT_OFFSET}); none when turned off or when there is
         * neither an address nor an ETSI HTTP endpoint to derive one from.
         */
        private Optional<NodeConfig.HttpListener> emergencyIntake(Optional<Element> element,
                Optional<NodeConfig.HttpListener> etsi, Element etsiElement) {
            Element at = element.orElse(etsiElement);
            if (element.isPresent() && "false".equals(element.get().getAttribute("enabled"))) {
                return Optional.empty();
            }
            Optional<URI> configured = element.filter(x -> !text(x).isEmpty()).map(this::url);
            if (configured.isEmpty() && etsi.isEmpty()) {
                element.ifPresent(x -> error(x, "etsiHttpEmergency needs a URL when there is no etsiHttp endpoint"
                        + " to put it beside"));
                return Optional.empty();
            }
            URI address = configured.orElseGet(() -> besideEtsiHttp(etsi.get().address(), at));
            if (address == null) {
                return Optional.empty();
            }
            etsi.ifPresent(routine -> {
                if (address.getPort() != 0 && address.getPort() == routine.address().getPort()
                        && address.getHost().equalsIgnoreCase(routine.address().getHost())) {
                    error(at, "etsiHttpEmergency " + address + " is on the etsiHttp endpoint's port:"
                            + " the emergency intake needs a port of its own");
                }
            });
            return Optional.of(element.map(x -> listener(x, address, DEFAULT_EMERGENCY_WORKERS))
                    .orElse(new NodeConfig.HttpListener(address, DEFAULT_EMERGENCY_WORKERS, DEFAULT_HTTP_BACKLOG)));
        }

        private URI besideEtsiHttp(URI etsi, Element at) {
            int port = etsi.getPort() == 0 ? 0 : etsi.getPort() + EMERGENCY_PORT_OFFSET;
            if (port > 65_535) {
                error(at, "etsiHttp port " + etsi.getPort() + ": the emergency intake's default port " + port
                        + " does not exist; give <etsiHttpEmergency> an address");
                return null;
            }
            try {
                return new URI(etsi.getScheme(), null, etsi.getHost(), port, etsi.getPath(), null, null);
            } catch (URISyntaxException ex) {
                error(at, "emergency intake beside " + etsi + ": " + ex.getMessage());
                return null;
            }
        }

        /** An HTTP listener at {@code address} (checked: plain http) with the element's workers and backlog. */
        private NodeConfig.HttpListener listener(Element e, URI address, int defaultWorkers) {
            if (address == null) {
                return null;
            }
            if (!"http".equals(address.getScheme())) {
                error(e, e.getLocalName() + " endpoint " + address + ": only http is supported here (put TLS in front)");
            }
            return new NodeConfig.HttpListener(address, integer(Optional.of(e), "workers").orElse(defaultWorkers),
                    integer(Optional.of(e), "backlog").orElse(DEFAULT_HTTP_BACKLOG));
        }

        private NodeConfig.Limits limits(Optional<Element> e) {
            XmlLimits xml = XmlLimits.defaults();
            Optional<Integer> bytes = integer(e, "maxMessageBytes");
            if (bytes.isPresent()) {
                xml = xml.withMaxBytes(bytes.get());
                if (xml.maxTextChars() >= bytes.get()) {
                    xml = xml.withMaxTextChars(Math.max(1, bytes.get() - 1));
                }
            }
            Optional<Integer> depth = integer(e, "maxDepth");
            if (depth.isPresent()) {
                if (depth.get() > XmlLimits.MAX_DEPTH_CEILING) {
                    error(e.get(), "maxDepth above " + XmlLimits.MAX_DEPTH_CEILING);
                } else {
                    xml = xml.withMaxDepth(depth.get());
                }
            }
            xml = integer(e, "maxElements").map(xml::withMaxElements).orElse(xml);
            return new NodeConfig.Limits(xml, integer(e, "processingConsumers").orElse(4));
        }

        private NodeConfig.Retry retry(Optional<Element> e) {
            return new NodeConfig.Retry(integer(e, "processingAttempts").orElse(10),
                    Duration.ofMillis(integer(e, "initialDelayMillis").orElse(500)),
                    Duration.ofMillis(integer(e, "maxDelayMillis").orElse(60_000)),
                    integer(e, "deliveryAttempts").orElse(12));
        }

        private Map<String, String> roleSettings(Optional<Element> e) {
            Map<String, String> settings = new LinkedHashMap<>();
            e.ifPresent(x -> children(x, "setting").forEach(s -> {
                if (settings.put(s.getAttribute("key"), s.getAttribute("value")) != null) {
                    error(s, "role setting '" + s.getAttribute("key") + "' is set twice");
                }
            }));
            return settings;
        }

        private char[] secret(String env, Element at, String what, boolean required) {
            String value = environment.apply(env);
            if (value == null || value.isEmpty()) {
                if (required) {
                    error(at, what + ": environment variable " + env + " is not set");
                }
                return null;
            }
            return value.toCharArray();
        }

        private URI url(Element e) {
            try {
                URI uri = new URI(text(e).trim());
                if (uri.getHost() == null || uri.getPort() < 0) {
                    error(e, "URL " + uri + " needs a host and a port (port 0 picks a free one)");
                }
                return uri;
            } catch (URISyntaxException ex) {
                error(e, "not a URL: " + ex.getMessage());
                return null;
            }
        }

        private Duration seconds(Optional<Element> e, String name, int fallback) {
            return Duration.ofSeconds(integer(e, name).orElse(fallback));
        }

        private Optional<Integer> integer(Optional<Element> e, String name) {
            return e.flatMap(x -> attr(x, name)).map(Integer::valueOf);
        }

        private Path path(String value) {
            return base.resolve(value.trim()).normalize();
        }

        private String text(Element e) {
            return e.getTextContent().trim();
        }

        private void error(Element at, String reason) {
            errors.add(new ConfigError(source, LocatedXmlReader.line(at), reason));
        }
    }

    private static KeyStore loadPkcs12(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private static Optional<String> attr(Element e, String name) {
        return e.hasAttribute(name) && !e.getAttribute(name).isBlank() ? Optional.of(e.getAttribute(name).trim()) : Optional.empty();
    }

    static Optional<Element> child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                list.add(e);
            }
        }
        return list;
    }
}
