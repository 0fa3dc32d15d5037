package org.lexgate.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A store test, run twice: on an embedded H2 file database in a fresh temporary directory, and on
 * PostgreSQL in a fresh schema when {@code LEXGATE_TEST_PG_URL} is set (skipped, saying so,
 * otherwise). Parameters: {@link Store} (opened, migrated) and/or {@link TestDatabase}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BothDatabases.class)
public @interface StoreTest {
}
