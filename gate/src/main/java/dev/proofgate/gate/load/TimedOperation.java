package dev.proofgate.gate.load;

/**
 * One thing whose latency the load driver measures: an HTTP call, a submission followed until its
 * execution completes, a bridge round trip, a compile. Returning normally is a success; throwing
 * counts an error (the message is kept as evidence).
 */
@FunctionalInterface
public interface TimedOperation {

    void perform() throws Exception;
}
