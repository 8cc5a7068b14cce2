package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.checklists.MetricsScrape;

/** The platform's metrics scraped before and after questions were answered. Scenario-scoped, injected by constructor. */
public final class CounterReadings {

    private MetricsScrape before;
    private MetricsScrape after;

    public MetricsScrape before() {
        return Earlier.required(before, "the metrics scraped before");
    }

    public MetricsScrape after() {
        return Earlier.required(after, "the metrics scraped after");
    }

    public void record(MetricsScrape before, MetricsScrape after) {
        this.before = before;
        this.after = after;
    }
}
