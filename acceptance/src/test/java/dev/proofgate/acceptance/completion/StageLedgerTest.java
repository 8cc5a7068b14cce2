package dev.proofgate.acceptance.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageLedgerTest {

    @Test
    void aScenarioMeasuresTheCriteriaItsTagsName() {
        assertThat(StageLedger.criteria(List.of("@severity=blocker", "@criterion=bridge", "@criterion=health")))
                .containsExactly(new StageLedger.Criterion("bridge"), new StageLedger.Criterion("health"));
        assertThat(StageLedger.criteria(List.of("@severity=blocker"))).isEmpty();
    }
}
