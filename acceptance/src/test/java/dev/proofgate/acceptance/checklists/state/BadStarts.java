package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.checklists.SettingsCatalogue;
import dev.proofgate.gate.machine.TimedJudgement;
import java.util.List;

/** The platform started once per bad setting: the settings it lists and the measured starts. Scenario-scoped, injected by constructor. */
public final class BadStarts {

    private SettingsCatalogue catalogue;
    private TimedJudgement.Measured<List<SettingsCatalogue.BadStart>> starts;

    public SettingsCatalogue catalogue() {
        return Earlier.required(catalogue, "the platform's settings read");
    }

    public TimedJudgement.Measured<List<SettingsCatalogue.BadStart>> starts() {
        return Earlier.required(starts, "the starts with bad settings");
    }

    public void record(SettingsCatalogue catalogue, TimedJudgement.Measured<List<SettingsCatalogue.BadStart>> starts) {
        this.catalogue = catalogue;
        this.starts = starts;
    }
}
