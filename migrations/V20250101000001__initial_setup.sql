-- Migration 20250101000001: initial setup
--
-- Historically: the base of Attune's consolidated schema. Creates the twelve enum types
-- used across the data model and the shared trigger function that maintains `updated`.
--
-- Deliberate differences from Attune (see design.md, "No extensions, no roles"): this file
-- installs no extensions (uuid-ossp / pgcrypto), creates no schema and no roles, and sets no
-- privileges.
-- Nothing is schema-qualified: every object lands in the first schema of search_path.
--
-- Each enum is created inside a block that swallows duplicate_object, so re-running this
-- file in the same schema is harmless.

-- ---------------------------------------------------------------------------
-- Enum types
-- ---------------------------------------------------------------------------

-- Kind of runtime: executes actions or hosts sensors.
DO $$
BEGIN
    CREATE TYPE runtime_type_enum AS ENUM ('action', 'sensor');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

-- How a worker is deployed.
DO $$
BEGIN
    CREATE TYPE worker_type_enum AS ENUM ('local', 'remote', 'container');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

-- Liveness / load state of a worker.
DO $$
BEGIN
    CREATE TYPE worker_status_enum AS ENUM ('active', 'inactive', 'busy', 'error');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

-- Lifecycle of an enforcement (a rule applied to an event).
DO $$
BEGIN
    CREATE TYPE enforcement_status_enum AS ENUM ('created', 'processed', 'disabled');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

-- How an enforcement combines its conditions.
DO $$
BEGIN
    CREATE TYPE enforcement_condition_enum AS ENUM ('any', 'all');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

-- Lifecycle of an execution (note: 'canceling' with one l, 'cancelled' with two).
DO $$
BEGIN
    CREATE TYPE execution_status_enum AS ENUM (
        'requested',
        'scheduling',
        'scheduled',
        'running',
        'completed',
        'failed',
        'canceling',
        'cancelled',
        'timeout',
        'abandoned'
    );
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

-- Lifecycle of a human-in-the-loop inquiry.
DO $$
BEGIN
    CREATE TYPE inquiry_status_enum AS ENUM ('pending', 'responded', 'timeout', 'cancelled');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

-- What a policy does when its threshold is reached.
DO $$
BEGIN
    CREATE TYPE policy_method_enum AS ENUM ('cancel', 'enqueue');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

-- Ownership scope of keys and artifacts.
DO $$
BEGIN
    CREATE TYPE owner_type_enum AS ENUM ('system', 'identity', 'pack', 'action', 'sensor');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

-- Delivery state of a notification.
DO $$
BEGIN
    CREATE TYPE notification_status_enum AS ENUM ('created', 'queued', 'processing', 'error');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

-- Kind of artifact produced by an execution.
DO $$
BEGIN
    CREATE TYPE artifact_type_enum AS ENUM (
        'file_binary',
        'file_datatable',
        'file_image',
        'file_text',
        'other',
        'progress',
        'url'
    );
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

-- Unit of an artifact's retention limit.
DO $$
BEGIN
    CREATE TYPE artifact_retention_enum AS ENUM ('versions', 'days', 'hours', 'minutes');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

-- ---------------------------------------------------------------------------
-- Shared trigger function
-- ---------------------------------------------------------------------------

-- Sets `updated` to the transaction timestamp; attached as a BEFORE UPDATE row trigger
-- (named update_<table>_updated) to every table that has an `updated` column.
CREATE OR REPLACE FUNCTION update_updated_column()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated := now();
    RETURN NEW;
END;
$$;
