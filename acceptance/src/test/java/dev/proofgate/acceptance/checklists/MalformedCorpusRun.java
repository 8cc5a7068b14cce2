package dev.proofgate.acceptance.checklists;

import dev.proofgate.acceptance.drivers.HttpAnswer;
import dev.proofgate.acceptance.drivers.hostile.HostileClient;
import dev.proofgate.acceptance.drivers.hostile.MalformedRequestCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The malformed corpus sent by a few clients at once, and the answers counted by status and by kind of mutation. */
public final class MalformedCorpusRun {

    public record Result(
            int requests,
            int senders,
            double seconds,
            Map<Integer, Integer> byStatus,
            Map<String, Map<Integer, Integer>> byKind,
            List<String> serverErrors) {}

    private MalformedCorpusRun() {}

    public static Result send(
            HostileClient client, List<MalformedRequestCorpus.MalformedRequest> requests, int senders) {
        HostileClient quiet = client.unrecorded();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<HttpAnswer>> answers = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (MalformedRequestCorpus.MalformedRequest request : requests) {
                answers.add(pool.submit(() -> quiet.send(request)));
            }
            Map<Integer, Integer> byStatus = new TreeMap<>();
            Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
            List<String> serverErrors = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                HttpAnswer answer = answers.get(i).get();
                byStatus.merge(answer.status(), 1, Integer::sum);
                byKind.computeIfAbsent(requests.get(i).kind(), kind -> new TreeMap<>())
                        .merge(answer.status(), 1, Integer::sum);
                if (answer.serverError()) {
                    serverErrors.add("#" + i + " " + requests.get(i).kind() + ": " + answer.summary());
                }
            }
            return new Result(
                    requests.size(), senders, (System.nanoTime() - started) / 1e9, byStatus, byKind, serverErrors);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the corpus", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a corpus request failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
