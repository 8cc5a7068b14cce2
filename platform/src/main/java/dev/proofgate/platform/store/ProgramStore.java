package dev.proofgate.platform.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

public final class ProgramStore {

    private final Sql sql;

    public ProgramStore(Database database) {
        this.sql = new Sql(database);
    }

    public Program create(String name, UUID signatureId, String adapter, JsonNode config) {
        return sql.queryOne("""
                insert into programs (id, name, signature_id, adapter, config) values (?, ?, ?, ?, ?::jsonb)
                returning id, name, signature_id, adapter, config, created_at""", ProgramStore::map, UUID.randomUUID(), name, signatureId, adapter, Json.write(config))
                .orElseThrow();
    }

    public Optional<Program> find(UUID id) {
        return sql.queryOne(
                "select id, name, signature_id, adapter, config, created_at from programs where id = ?",
                ProgramStore::map,
                id);
    }

    private static Program map(ResultSet row) throws SQLException {
        return new Program(
                row.getObject("id", UUID.class),
                row.getString("name"),
                row.getObject("signature_id", UUID.class),
                row.getString("adapter"),
                Json.read(row.getString("config")),
                row.getTimestamp("created_at").toInstant());
    }
}
