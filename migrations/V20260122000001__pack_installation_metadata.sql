-- =============================================================================
-- V20260122000001 — pack installation metadata
--
-- Historical step (Attune 20260122000001_pack_installation_metadata.sql):
--   table pack_installation (one row per pack: where and how it was
--   installed), four indexes and the BEFORE UPDATE trigger
--   pack_installation_updated_trigger (note: not named
--   update_pack_installation_updated like every other table's trigger).
--
-- Deviations from Attune: none. The nullable columns with defaults
-- (checksum_verified, installed_at, installation_method, meta, created,
-- updated) are kept nullable as in Attune.
-- =============================================================================

CREATE TABLE pack_installation (
    id                  bigserial PRIMARY KEY,
    pack_id             bigint NOT NULL REFERENCES pack (id) ON DELETE CASCADE,

    -- Installation source
    source_type         varchar(50) NOT NULL
                        CHECK (source_type IN ('git', 'archive', 'local_directory', 'local_archive', 'registry')),
    source_url          text,
    source_ref          text,

    -- Verification
    checksum            varchar(64),
    checksum_verified   boolean DEFAULT false,

    -- Installation metadata
    installed_at        timestamptz DEFAULT CURRENT_TIMESTAMP,
    installed_by        bigint REFERENCES identity (id) ON DELETE SET NULL,
    installation_method varchar(50) DEFAULT 'manual'
                        CHECK (installation_method IN ('manual', 'api', 'cli', 'auto')),

    -- Storage
    storage_path        text NOT NULL,

    meta                jsonb DEFAULT '{}'::jsonb,

    created             timestamptz DEFAULT CURRENT_TIMESTAMP,
    updated             timestamptz DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT pack_installation_unique_pack UNIQUE (pack_id)
);

CREATE INDEX idx_pack_installation_pack_id      ON pack_installation (pack_id);
CREATE INDEX idx_pack_installation_source_type  ON pack_installation (source_type);
CREATE INDEX idx_pack_installation_installed_at ON pack_installation (installed_at);
CREATE INDEX idx_pack_installation_installed_by ON pack_installation (installed_by);

CREATE TRIGGER pack_installation_updated_trigger
    BEFORE UPDATE ON pack_installation
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

COMMENT ON TABLE pack_installation IS
    'Pack installation metadata: source, checksum and storage location (one row per pack)';
COMMENT ON COLUMN pack_installation.source_type IS
    'Installation source type (git, archive, local_directory, local_archive, registry)';
COMMENT ON COLUMN pack_installation.source_url IS 'URL or path of the installation source';
COMMENT ON COLUMN pack_installation.source_ref IS 'Git reference (branch/tag/commit) or registry version';
COMMENT ON COLUMN pack_installation.checksum IS 'SHA-256 checksum of the installed pack contents';
COMMENT ON COLUMN pack_installation.checksum_verified IS 'Whether the checksum was verified during installation';
COMMENT ON COLUMN pack_installation.installed_by IS 'Identity that installed the pack';
COMMENT ON COLUMN pack_installation.installation_method IS 'How the pack was installed (manual, api, cli, auto)';
COMMENT ON COLUMN pack_installation.storage_path IS 'File system path where the pack is stored';
COMMENT ON COLUMN pack_installation.meta IS 'Additional installation metadata (resolved dependencies, warnings, ...)';
