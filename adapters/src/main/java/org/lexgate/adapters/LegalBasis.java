package org.lexgate.adapters;

import java.util.Objects;
import java.util.Optional;

/**
 * The instrument a request relies on (guideline §26), as lexgate's {@code LegalBasis} extension type has it.
 *
 * @param basis             the {@code LegalBasis} dictionary value, e.g. {@code SecondProtocolArt7SubscriberInformation}
 * @param instrument        the instrument in words, e.g. {@code Second Additional Protocol to the Convention on Cybercrime}
 * @param article           the article, e.g. {@code 7}
 * @param nationalProvision the national provision relied on, if the request names one
 */
public record LegalBasis(String basis, String instrument, String article, Optional<String> nationalProvision) {
    public LegalBasis {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(nationalProvision, "nationalProvision");
    }

    /** A legal basis without a national provision. */
    public LegalBasis(String basis, String instrument, String article) {
        this(basis, instrument, article, Optional.empty());
    }
}
