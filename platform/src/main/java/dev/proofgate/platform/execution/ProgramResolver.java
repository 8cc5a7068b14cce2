package dev.proofgate.platform.execution;

import dev.proofgate.platform.signature.CompileError;
import dev.proofgate.platform.signature.CompiledSignature;
import dev.proofgate.platform.signature.SignatureCompiler;
import dev.proofgate.platform.store.Program;
import dev.proofgate.platform.store.ProgramStore;
import dev.proofgate.platform.store.Signature;
import dev.proofgate.platform.store.SignatureStore;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads a program and compiles its signature. Programs and signatures are immutable once stored (the
 * API creates and reads them, never changes or deletes them), so both are cached by id: a submission
 * and a dispatch then cost no lookup round trip. Only what was found is cached; the cache is emptied
 * when it reaches {@value #MAX_CACHED} programs, so it stays small whatever a long-lived platform has seen.
 */
public final class ProgramResolver {

    private final ProgramStore programs;
    private final SignatureStore signatures;
    private final SignatureCompiler compiler;
    static final int MAX_CACHED = 10_000;

    private final Map<UUID, CompiledSignature> compiled = new ConcurrentHashMap<>();
    private final Map<UUID, ResolvedProgram> resolved = new ConcurrentHashMap<>();

    public ProgramResolver(ProgramStore programs, SignatureStore signatures, SignatureCompiler compiler) {
        this.programs = programs;
        this.signatures = signatures;
        this.compiler = compiler;
    }

    public Optional<ResolvedProgram> resolve(UUID programId) {
        ResolvedProgram cached = resolved.get(programId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ResolvedProgram> found = programs.find(programId).map(this::resolve);
        found.ifPresent(program -> {
            if (resolved.size() >= MAX_CACHED) {
                resolved.clear();
            }
            resolved.put(programId, program);
        });
        return found;
    }

    public ResolvedProgram resolve(Program program) {
        return new ResolvedProgram(program, compiled(program.signatureId()));
    }

    public CompiledSignature compiled(UUID signatureId) {
        CompiledSignature cached = compiled.get(signatureId);
        if (cached != null) {
            return cached;
        }
        Signature signature = signatures
                .find(signatureId)
                .orElseThrow(() ->
                        new IllegalStateException("signature " + signatureId + " referenced by a program is missing"));
        try {
            CompiledSignature result = compiler.compile(signature.definition(), signature.constraints());
            compiled.put(signatureId, result);
            return result;
        } catch (CompileError e) {
            throw new IllegalStateException(
                    "stored signature " + signatureId + " no longer compiles: " + e.getMessage(), e);
        }
    }
}
