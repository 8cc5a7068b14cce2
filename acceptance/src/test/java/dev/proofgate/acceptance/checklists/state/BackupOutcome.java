package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.drivers.database.BackupRoundTrip;
import java.util.List;

/** The database backed up and restored, compared table by table. Scenario-scoped, injected by constructor. */
public final class BackupOutcome {

    private List<BackupRoundTrip.TableComparison> tables;

    public List<BackupRoundTrip.TableComparison> tables() {
        return Earlier.required(tables, "the database backed up and restored");
    }

    public void record(List<BackupRoundTrip.TableComparison> tables) {
        this.tables = tables;
    }
}
