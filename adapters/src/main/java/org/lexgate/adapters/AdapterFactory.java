package org.lexgate.adapters;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * Creates adapters of one type from settings, so that a node picks its connector by configuration
 * ({@code adapter.type = filedrop}) and a new connector is a jar on the class path. Factories are
 * found with {@link ServiceLoader} ({@code META-INF/services/org.lexgate.adapters.AdapterFactory}).
 */
public interface AdapterFactory {

    /** The type name the configuration uses, e.g. {@code filedrop}. */
    String type();

    /**
     * A new, not yet started, adapter.
     *
     * @param settings the connector's keys, without a prefix (the file-drop connector's are listed in
     *                 {@code org.lexgate.adapters.filedrop.FileDropConfig})
     * @throws PermanentAdapterException a key is unknown or its value is invalid; the message says which
     */
    Adapter create(Map<String, String> settings) throws PermanentAdapterException;

    /**
     * The factory for {@code type} on the class path.
     *
     * @throws PermanentAdapterException no factory has that type
     */
    static AdapterFactory forType(String type) throws PermanentAdapterException {
        for (AdapterFactory f : ServiceLoader.load(AdapterFactory.class, AdapterFactory.class.getClassLoader())) {
            if (f.type().equals(type)) {
                return f;
            }
        }
        throw new PermanentAdapterException("no adapter of type '" + type + "' on the class path");
    }
}
