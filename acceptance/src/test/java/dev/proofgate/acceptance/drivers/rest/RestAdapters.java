package dev.proofgate.acceptance.drivers.rest;

import dev.proofgate.acceptance.drivers.Adapter;
import dev.proofgate.acceptance.drivers.AdaptersApi;
import java.util.List;

public final class RestAdapters implements AdaptersApi {

    private final PlatformHttp http;

    public RestAdapters(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public List<Adapter> list() {
        return PlatformHttp.outcome(http.request().get(Routes.ADAPTERS), 200, Listed.class)
                .orFail("listing the adapters")
                .items();
    }

    record Listed(List<Adapter> items) {
        @Override
        public List<Adapter> items() {
            return items == null ? List.of() : items;
        }
    }
}
