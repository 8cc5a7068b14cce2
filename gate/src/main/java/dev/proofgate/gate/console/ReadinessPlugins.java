package dev.proofgate.gate.console;

import dev.proofgate.gate.config.GateSettings;
import dev.proofgate.gate.glossary.GlossaryInReport;
import dev.proofgate.gate.report.StableHistory;
import dev.proofgate.gate.verdict.ReadinessVerdictPlugin;
import io.cucumber.core.options.PluginOption;
import io.cucumber.core.plugin.Options;
import io.cucumber.core.plugin.PluginFactory;
import io.cucumber.core.plugin.Plugins;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The suite's plugins, always on: Allure (with history keys that survive moves and edits), the
 * readiness verdict and the step glossary in the report;
 * plus whatever the person names with Cucumber's own {@code -Dcucumber.plugin=pretty} (or
 * {@code CUCUMBER_PLUGIN}). Why one plugin: the runner's settings file names it as {@code cucumber.plugin},
 * and a setting in that file wins over a system property, so a user's {@code cucumber.plugin} would
 * otherwise be silently ignored; here it is added to ours instead of replacing them.
 */
public final class ReadinessPlugins implements ConcurrentEventListener {

    private static final List<Class<?>> OURS =
            List.of(AllureCucumber7Jvm.class, ReadinessVerdictPlugin.class, ReadinessPlugins.class);

    private final GateSettings settings = GateSettings.load();
    private final AllureCucumber7Jvm allure = new AllureCucumber7Jvm();
    private final StableHistory history =
            new StableHistory(settings.projectDirectory().resolve("features"));
    private final ReadinessVerdictPlugin verdict = new ReadinessVerdictPlugin();
    private final GlossaryInReport glossary = new GlossaryInReport(settings);
    private final Plugins requested = new Plugins(new PluginFactory(), new Requested(requestedPlugins()));

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        // order matters: Allure starts a result before the verdict labels it; the glossary joins the verdict's result
        allure.setEventPublisher(publisher);
        history.setEventPublisher(publisher);
        verdict.setEventPublisher(publisher);
        glossary.setEventPublisher(publisher);
        if (parallel()) {
            // plain event listeners (pretty, html ...) get the events in order, as Cucumber itself does in a parallel
            // run
            requested.setSerialEventBusOnEventListenerPlugins(publisher);
        } else {
            requested.setEventBusOnEventListenerPlugins(publisher);
        }
    }

    /** The plugins the person asked for with cucumber.plugin, without repeating ours. */
    static List<PluginOption> requestedPlugins() {
        String value = System.getProperty("cucumber.plugin", System.getenv().getOrDefault("CUCUMBER_PLUGIN", ""));
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(option -> !option.isEmpty())
                .map(PluginOption::parse)
                .filter(option -> !OURS.contains(option.pluginClass()))
                .toList();
    }

    private static boolean parallel() {
        String value = System.getProperty("cucumber.execution.parallel.enabled");
        if (value == null) {
            Properties defaults = new Properties();
            try (InputStream in =
                    ReadinessPlugins.class.getClassLoader().getResourceAsStream("junit-platform.properties")) {
                if (in != null) {
                    defaults.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            value = defaults.getProperty("cucumber.execution.parallel.enabled", "false");
        }
        return Boolean.parseBoolean(value.trim().toLowerCase(Locale.ROOT));
    }

    private record Requested(List<PluginOption> options) implements Options {
        @Override
        public Iterable<Options.Plugin> plugins() {
            return List.copyOf(options);
        }

        @Override
        public boolean isMonochrome() {
            return Boolean.parseBoolean(System.getProperty("cucumber.ansi-colors.disabled", "false"));
        }

        @Override
        public boolean isWip() {
            return false;
        }
    }
}
