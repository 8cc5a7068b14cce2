package dev.proofgate.gate.environment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** What Linux keeps about a process under /proc/&lt;pid&gt;: read on this machine, or parsed from text read elsewhere. */
public final class ProcFiles {

    private ProcFiles() {}

    /** The text of /proc/&lt;pid&gt;/&lt;file&gt; on this machine; fails naming the process when it is gone. */
    public static String readLocal(long pid, String file) {
        Path path = Path.of("/proc", Long.toString(pid), file);
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read " + path + " (process " + pid + " gone?): " + e.getMessage(), e);
        }
    }

    /** The variables of an environ file: NUL-separated NAME=value entries. */
    public static Map<String, String> environment(String environ) {
        Map<String, String> variables = new LinkedHashMap<>();
        Arrays.stream(environ.split("\u0000"))
                .filter(entry -> entry.contains("="))
                .forEach(entry ->
                        variables.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1)));
        return variables;
    }

    /** Resident memory now (VmRSS) from a status file, in bytes. */
    public static long residentBytes(String status) {
        return kib(status, "VmRSS:") * 1024;
    }

    /** Peak resident memory (VmHWM) from a status file, in KiB. */
    public static long peakResidentKib(String status) {
        return kib(status, "VmHWM:");
    }

    private static long kib(String status, String field) {
        return status.lines()
                .filter(line -> line.startsWith(field))
                .findFirst()
                .map(line ->
                        Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]))
                .orElseThrow(() -> new IllegalStateException("the process status has no " + field + " line"));
    }
}
