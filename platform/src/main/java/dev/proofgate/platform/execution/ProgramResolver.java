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
 * Loads a program and compiles its signature. Signatures are immutable once stored, so a compiled
 * signature is cached by id; programs are read from the database every time.
 */
public final class ProgramResolver {

    private final ProgramStore programs;
    private final SignatureStore signatures;
    private final SignatureCompiler compiler;
    private final Map<UUID, CompiledSignature> compiled = new ConcurrentHashMap<>();

    public ProgramResolver(ProgramStore programs, SignatureStore signatures, SignatureCompiler compiler) {
        this.programs = programs;
        this.signatures = signatures;
        this.compiler = compiler;
    }

    public Optional<ResolvedProgram> resolve(UUID programId) {
        return programs.find(programId).map(this::resolve);
    }

    public ResolvedProgram resolve(Program program) {
        return new ResolvedProgram(program, compiled(program.signatureId()));
    }

    public CompiledSignature compiled(UUID signatureId) {
        CompiledSignature cached = compiled.get(signatureId);
        if (cached != null) {
            return cached;
        }
        Signature signature = signatures.find(signatureId)
                .orElseThrow(() -> new IllegalStateException("signature " + signatureId + " referenced by a program is missing"));
        try {
            CompiledSignature result = compiler.compile(signature.definition(), signature.constraints());
            compiled.put(signatureId, result);
            return result;
        } catch (CompileError e) {
            throw new IllegalStateException("stored signature " + signatureId + " no longer compiles: " + e.getMessage(), e);
        }
    }
}
