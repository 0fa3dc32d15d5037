package org.lexgate.trust.directory;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Whom a person can call about a party's messages: designated contact persons (§21, §47), the
 * switchboard and website that let a provider check the source of a request (§24), an
 * organisational e-mail address, office hours and languages (§39, §50), the emergency line (§48).
 */
public record ContactDetails(
        List<Person> persons,
        Optional<String> switchboard,
        Optional<URI> website,
        Optional<String> email,
        Optional<String> hours,
        Optional<EmergencyContact> emergency,
        List<String> languages,
        Optional<String> notes) {

    public static final ContactDetails NONE = new ContactDetails(List.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());

    public ContactDetails {
        persons = List.copyOf(persons);
        languages = List.copyOf(languages);
    }

    /** A designated contact person (§21, §24, §47). */
    public record Person(String name, Optional<String> position, Optional<String> email, Optional<String> phone) {
    }

    /** How to reach the party outside business hours in an emergency (§48). */
    public record EmergencyContact(String phone, Optional<String> email, Optional<String> hours) {
    }
}
