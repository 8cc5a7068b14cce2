package dev.proofgate.platform.adapter;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The adapters a program may name, by name. */
public final class AdapterRegistry {

    private final Map<String, Adapter> adapters = new LinkedHashMap<>();

    public AdapterRegistry register(Adapter adapter) {
        adapters.put(adapter.name(), adapter);
        return this;
    }

    public Optional<Adapter> find(String name) {
        return Optional.ofNullable(adapters.get(name));
    }

    public Collection<Adapter> all() {
        return adapters.values();
    }
}
