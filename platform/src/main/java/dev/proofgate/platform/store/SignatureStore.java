package dev.proofgate.platform.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

public final class SignatureStore {

    private final Sql sql;

    public SignatureStore(Database database) {
        this.sql = new Sql(database);
    }

    /** Inserts the signature; returns empty when the name is already taken. */
    public Optional<Signature> create(String name, String definition, JsonNode constraints) {
        UUID id = UUID.randomUUID();
        return sql.queryOne("""
                insert into signatures (id, name, definition, constraints) values (?, ?, ?, ?::jsonb)
                on conflict (name) do nothing
                returning id, name, definition, constraints, created_at""", SignatureStore::map, id, name, definition, Json.write(constraints));
    }

    public Optional<Signature> find(UUID id) {
        return sql.queryOne(
                "select id, name, definition, constraints, created_at from signatures where id = ?",
                SignatureStore::map,
                id);
    }

    public Optional<Signature> findByName(String name) {
        return sql.queryOne(
                "select id, name, definition, constraints, created_at from signatures where name = ?",
                SignatureStore::map,
                name);
    }

    private static Signature map(ResultSet row) throws SQLException {
        return new Signature(
                row.getObject("id", UUID.class),
                row.getString("name"),
                row.getString("definition"),
                Json.read(row.getString("constraints")),
                row.getTimestamp("created_at").toInstant());
    }
}
