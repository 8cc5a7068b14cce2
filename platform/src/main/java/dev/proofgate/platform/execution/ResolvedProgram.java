package dev.proofgate.platform.execution;

import dev.proofgate.platform.signature.CompiledSignature;
import dev.proofgate.platform.store.Program;

/** A program with its compiled signature: everything needed to validate and run an execution. */
public record ResolvedProgram(Program program, CompiledSignature signature) {}
