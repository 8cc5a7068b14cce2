package dev.proofgate.acceptance.checklists.state;

/** What a Then step reads from its When step: absent means the scenario skipped the step that measures it. */
final class Earlier {

    private Earlier() {}

    static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("this step needs " + what + " earlier in the scenario");
        }
        return value;
    }
}
