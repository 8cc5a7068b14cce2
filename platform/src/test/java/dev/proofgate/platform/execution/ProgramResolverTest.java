package dev.proofgate.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.proofgate.platform.adapter.NativeAdapter;
import dev.proofgate.platform.signature.SignatureCompiler;
import dev.proofgate.platform.store.Database;
import dev.proofgate.platform.store.Program;
import dev.proofgate.platform.store.ProgramStore;
import dev.proofgate.platform.store.SignatureStore;
import dev.proofgate.platform.support.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Programs are immutable, so the resolver keeps what it found and a submission or a dispatch costs no
 * lookup; what it did not find it asks for again, so a program created a moment later is found.
 */
class ProgramResolverTest {

    @Test
    void aFoundProgramIsKeptAndAMissingOneIsAskedForAgain() throws Exception {
        try (TestDatabase testDatabase = new TestDatabase();
                Database database = new Database(testDatabase.url(), "postgres", "postgres", 4)) {
            SignatureStore signatures = new SignatureStore(database);
            ProgramStore programs = new ProgramStore(database);
            ProgramResolver resolver = new ProgramResolver(programs, signatures, new SignatureCompiler());
            UUID signatureId = signatures
                    .create("qa", "signature qa: :string question -> :string answer", null)
                    .orElseThrow()
                    .id();
            Program program =
                    programs.create("kept", signatureId, NativeAdapter.NAME, JsonNodeFactory.instance.objectNode());
            UUID later = UUID.randomUUID();

            assertThat(resolver.resolve(program.id())).as("a stored program").isPresent();
            assertThat(resolver.resolve(later)).as("a program not stored yet").isEmpty();
            // the row goes away behind the resolver's back (the API never deletes): a kept program needs no lookup
            testDatabase.execute("alter table executions drop constraint if exists executions_program_id_fkey");
            testDatabase.execute("delete from programs where id = '" + program.id() + "'");
            testDatabase.execute("insert into programs (id, name, signature_id, adapter, config) values ('" + later
                    + "', 'later', '" + signatureId + "', 'native', '{}')");

            assertThat(resolver.resolve(program.id()))
                    .as("the program found before, without a lookup")
                    .isPresent()
                    .get()
                    .extracting(resolved -> resolved.program().name())
                    .isEqualTo("kept");
            assertThat(resolver.resolve(later))
                    .as("the program not found before, once it is stored")
                    .isPresent();
        }
    }
}
