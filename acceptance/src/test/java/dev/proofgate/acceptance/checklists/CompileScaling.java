package dev.proofgate.acceptance.checklists;

import dev.proofgate.acceptance.drivers.HttpAnswer;
import dev.proofgate.acceptance.drivers.OperationsApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** How compile time grows with the number of fields: the median of five compiles (after one warm-up), client side. */
public final class CompileScaling {

    private static final int RUNS = 6;

    private CompileScaling() {}

    /** The milliseconds of a compile of the given number of fields, median of five after a warm-up. */
    public static long medianCompileMs(OperationsApi operations, int fields) {
        StringBuilder definition = new StringBuilder("signature wide_" + fields + ": ");
        for (int i = 0; i < fields; i++) {
            definition.append(i == 0 ? "" : ", ").append(":string f").append(i);
        }
        definition.append(" -> :string answer");
        List<Long> times = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            HttpAnswer answer = operations.compile(definition.toString());
            long took = (System.nanoTime() - started) / 1_000_000;
            if (!answer.served()) {
                throw new AssertionError("compiling " + fields + " fields was not served: " + answer.summary());
            }
            if (run > 0) {
                times.add(took);
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
