package org.lexgate.trust.directory;

import java.net.URL;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lexgate.message.xml.LocatedError;
import org.lexgate.message.xml.LocatedXmlReader;
import org.w3c.dom.Document;

/**
 * Every organisation a node knows, read from one XML file (schema {@code directory.xsd}, namespace
 * {@value #NAMESPACE}). {@link #load(Path)} checks the file against the schema and then runs
 * semantic checks; it reports every error with file, line and reason in one
 * {@link DirectoryException}, and returns a directory only when there is none: an invalid
 * directory never half-loads. The result is immutable and safe to share between threads.
 *
 * <p>Serves guideline §22 (who may ask for what), §24 and §51 (verifying the source of a request)
 * and §21 §39 §47 §48 §50 (contact points and their details).
 */
public final class PartyDirectory {

    /** The namespace of directory files. */
    public static final String NAMESPACE = "http://lexgate.org/ns/directory/2026/11";

    /** The schema as a class-path resource. */
    public static final String SCHEMA_RESOURCE = "/org/lexgate/trust/directory.xsd";

    private final Path source;
    private final Map<String, Anchor> anchors;
    private final Map<PartyId, Party> parties;
    private final List<Route> routes;

    private PartyDirectory(Path source, Map<String, Anchor> anchors, Map<PartyId, Party> parties, List<Route> routes) {
        this.source = source;
        this.anchors = Collections.unmodifiableMap(new LinkedHashMap<>(anchors));
        this.parties = Collections.unmodifiableMap(new LinkedHashMap<>(parties));
        this.routes = List.copyOf(routes);
    }

    /**
     * Loads and checks a directory file.
     *
     * @throws DirectoryException listing every schema and semantic error, each with file and line
     */
    public static PartyDirectory load(Path file) throws DirectoryException {
        Objects.requireNonNull(file, "file");
        URL schema = PartyDirectory.class.getResource(SCHEMA_RESOURCE);
        List<LocatedError> located = new ArrayList<>();
        Document document = new LocatedXmlReader(schema).read(file, located);
        List<DirectoryError> errors = new ArrayList<>();
        located.forEach(e -> errors.add(new DirectoryError(e.file(), e.line(), e.column(), e.reason())));
        if (document == null) {
            throw new DirectoryException(file, errors);
        }
        ParseContext context = new ParseContext(file, errors);
        PartyDirectory directory = new DirectoryBuilder(context).build(document.getDocumentElement());
        if (!errors.isEmpty()) {
            throw new DirectoryException(file, errors);
        }
        return directory;
    }

    static PartyDirectory of(Path source, Map<String, Anchor> anchors, Map<PartyId, Party> parties, List<Route> routes) {
        return new PartyDirectory(source, anchors, parties, routes);
    }

    /** The file this directory was loaded from. */
    public Path source() {
        return source;
    }

    public Optional<Party> party(PartyId id) {
        return Optional.ofNullable(parties.get(id));
    }

    /** All parties in file order. */
    public Collection<Party> parties() {
        return parties.values();
    }

    /** All trust anchors in file order. */
    public Collection<Anchor> anchors() {
        return anchors.values();
    }

    public Optional<Anchor> anchor(String id) {
        return Optional.ofNullable(anchors.get(id));
    }

    /** The parties that {@linkplain Party#recognises recognise} a certificate as theirs (normally zero or one). */
    public List<Party> partiesRecognising(X509Certificate certificate) {
        return parties.values().stream().filter(p -> p.recognises(certificate)).toList();
    }

    /** The routing table in file order. */
    public List<Route> routes() {
        return routes;
    }

    /**
     * The route a node takes for a destination country and legal basis. Most specific first: a
     * route held by {@code atNode} for exactly that legal basis, then {@code atNode}'s default for
     * the country, then the same two among routes without {@code from}.
     */
    public Optional<Route> route(PartyId atNode, String destinationCountry, Optional<String> legalBasis) {
        List<Optional<PartyId>> holders = List.of(Optional.of(atNode), Optional.empty());
        for (Optional<PartyId> holder : holders) {
            for (Optional<String> basis : legalBasis.isPresent() ? List.of(legalBasis, Optional.<String>empty())
                    : List.of(Optional.<String>empty())) {
                Optional<Route> found = routes.stream().filter(r -> r.from().equals(holder)
                        && r.destinationCountry().equals(destinationCountry) && r.legalBasis().equals(basis)).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "PartyDirectory[" + source + ": " + parties.size() + " parties, " + anchors.size()
                + " anchors, " + routes.size() + " routes]";
    }
}
