create table signatures (
    id          uuid primary key,
    name        text        not null unique,
    definition  text        not null,
    constraints jsonb       not null default '{}',
    created_at  timestamptz not null default now()
);

create table programs (
    id           uuid primary key,
    name         text        not null,
    signature_id uuid        not null references signatures (id),
    adapter      text        not null,
    config       jsonb       not null default '{}',
    created_at   timestamptz not null default now()
);

-- One row per accepted execution. A row is inserted (and committed) before the client hears 202;
-- the dispatcher moves it queued -> running (under a lease) -> completed | failed.
create table executions (
    id               uuid primary key,
    program_id       uuid        not null references programs (id),
    status           text        not null check (status in ('queued', 'running', 'completed', 'failed')),
    inputs           jsonb       not null,
    outputs          jsonb,
    error            jsonb,
    adapter          text        not null,
    attempts         integer     not null default 0,
    idempotency_key  text,
    client_key       text        not null,
    lease_owner      text,
    lease_expires_at timestamptz,
    queue_ms         bigint,
    execution_ms     bigint,
    total_ms         bigint,
    audit            jsonb       not null default '[]',
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    completed_at     timestamptz,
    completions      integer     not null default 0
);

create unique index executions_idempotency on executions (client_key, idempotency_key) where idempotency_key is not null;
create index executions_claim on executions (created_at) where status = 'queued';
create index executions_lease on executions (lease_expires_at) where status = 'running';
create index executions_history on executions (program_id, created_at desc);
