package org.lexgate.adapters.filedrop;

import java.util.Map;

import org.lexgate.adapters.Adapter;
import org.lexgate.adapters.AdapterFactory;
import org.lexgate.adapters.PermanentAdapterException;

/** Type {@code filedrop}: settings as in {@link FileDropConfig#KEYS}. */
public final class FileDropAdapterFactory implements AdapterFactory {

    @Override
    public String type() {
        return "filedrop";
    }

    @Override
    public Adapter create(Map<String, String> settings) throws PermanentAdapterException {
        return new FileDropAdapter(FileDropConfig.fromSettings(settings));
    }
}
