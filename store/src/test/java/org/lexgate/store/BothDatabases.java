package org.lexgate.store;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Runs each {@link StoreTest} on H2 and on PostgreSQL; see {@link TestDatabase}. */
final class BothDatabases implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(invocation(TestDatabase.Backend.H2), invocation(TestDatabase.Backend.POSTGRESQL));
    }

    private static TestTemplateInvocationContext invocation(TestDatabase.Backend backend) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return backend.label();
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new Resolver(backend));
            }
        };
    }

    private static final class Resolver implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BothDatabases.class);

        private final TestDatabase.Backend backend;

        Resolver(TestDatabase.Backend backend) {
            this.backend = backend;
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            if (backend == TestDatabase.Backend.POSTGRESQL && TestDatabase.postgresUrl() == null) {
                String reason = "PostgreSQL variant skipped: set " + TestDatabase.PG_URL_ENV
                        + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run it";
                System.out.println(context.getRequiredTestMethod().getName() + " [PostgreSQL]: " + reason);
                Assumptions.abort(reason);
            }
            context.getStore(NS).put(TestDatabase.class, TestDatabase.create(backend));
        }

        @Override
        public void afterEach(ExtensionContext context) throws Exception {
            TestDatabase db = context.getStore(NS).remove(TestDatabase.class, TestDatabase.class);
            if (db != null) {
                db.close();
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            Class<?> type = p.getParameter().getType();
            return type == TestDatabase.class || type == Store.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            TestDatabase db = e.getStore(NS).get(TestDatabase.class, TestDatabase.class);
            return p.getParameter().getType() == Store.class ? db.store() : db;
        }
    }
}
