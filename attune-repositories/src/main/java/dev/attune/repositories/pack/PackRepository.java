package dev.attune.repositories.pack;

import static dev.attune.repositories.schema.Tables.PACK;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.Page;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Search;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.tables.pojos.Pack;
import dev.attune.repositories.schema.tables.records.PackRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Packs: bundles of automation content (actions, triggers, sensors, rules, ...). Lists are ordered by ref.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new PackRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class PackRepository {

    static final String ENTITY = "pack";

    private static final Updates<PackRecord> UPDATES = Updates.of(ENTITY, PACK.ID,
            PACK.LABEL, PACK.DESCRIPTION, PACK.VERSION, PACK.CONF_SCHEMA, PACK.CONFIG, PACK.META, PACK.TAGS, PACK.RUNTIME_DEPS, PACK.IS_STANDARD);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public PackRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The pack with this id; empty when there is none. */
    public Optional<Pack> findById(long id) {
        return dsl.selectFrom(PACK).where(PACK.ID.eq(id)).fetchOptionalInto(Pack.class);
    }

    /** @throws NotFoundException when there is no pack with this id */
    public Pack getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /**
     * The pack with this ref; empty when there is none.
     *
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Optional<Pack> findByRef(String ref) {
        Refs.requireValue(ENTITY, "ref", ref);
        return dsl.selectFrom(PACK).where(PACK.REF.eq(ref)).fetchOptionalInto(Pack.class);
    }

    /** @throws NotFoundException when there is no pack with this ref */
    public Pack getByRef(String ref) {
        return findByRef(ref).orElseThrow(() -> new NotFoundException(ENTITY, "ref", ref));
    }

    /** Every pack, by ref. */
    public List<Pack> list() {
        return dsl.selectFrom(PACK).orderBy(PACK.REF).fetchInto(Pack.class);
    }

    /**
     * One page of packs, by ref.
     *
     * @throws dev.attune.repositories.ValidationException when {@code page} is null
     */
    public List<Pack> listPaginated(Page page) {
        Refs.requireValue(ENTITY, "page", page);
        return dsl.selectFrom(PACK).orderBy(PACK.REF)
                .limit(page.limit()).offset(page.offset())
                .fetchInto(Pack.class);
    }

    /** The number of packs. */
    public long count() {
        return dsl.fetchCount(PACK);
    }

    /** Packs whose tags contain {@code tag}, by ref. */
    public List<Pack> findByTag(String tag) {
        Refs.requireValue(ENTITY, "tag", tag);
        return dsl.selectFrom(PACK).where(PACK.TAGS.contains(new String[] {tag})).orderBy(PACK.REF).fetchInto(Pack.class);
    }

    /** Standard packs, by ref. */
    public List<Pack> findStandard() {
        return dsl.selectFrom(PACK).where(PACK.IS_STANDARD.isTrue()).orderBy(PACK.REF).fetchInto(Pack.class);
    }

    /** Packs whose ref, label or description contains {@code query}, ignoring case; by ref. */
    public List<Pack> search(String query) {
        Refs.requireValue(ENTITY, "query", query);
        return dsl.selectFrom(PACK)
                .where(Search.containsIgnoringCase(query, PACK.REF, PACK.LABEL, PACK.DESCRIPTION))
                .orderBy(PACK.REF)
                .fetchInto(Pack.class);
    }

    /**
     * Whether a pack has this ref.
     *
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public boolean existsByRef(String ref) {
        Refs.requireValue(ENTITY, "ref", ref);
        return dsl.fetchExists(PACK, PACK.REF.eq(ref));
    }

    /** @throws dev.attune.repositories.AlreadyExistsException when the ref is taken */
    public Pack create(NewPack pack) {
        return dsl.insertInto(PACK)
                .set(PACK.REF, pack.ref())
                .set(PACK.LABEL, pack.label())
                .set(PACK.DESCRIPTION, pack.description())
                .set(PACK.VERSION, pack.version())
                .set(PACK.CONF_SCHEMA, pack.confSchema())
                .set(PACK.CONFIG, pack.config())
                .set(PACK.META, pack.meta())
                .set(PACK.TAGS, pack.tags().toArray(String[]::new))
                .set(PACK.RUNTIME_DEPS, pack.runtimeDeps().toArray(String[]::new))
                .set(PACK.IS_STANDARD, pack.isStandard())
                .returning()
                .fetchSingleInto(Pack.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code label, description, version, conf_schema, config, meta, tags, runtime_deps, is_standard}.
     *
     * @throws NotFoundException when there is no pack with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Pack update(long id, RowUpdate<PackRecord> update) {
        return UPDATES.apply(dsl, id, update, Pack.class);
    }

    /**
     * Deletes the pack and, by cascade, its runtimes, permission sets, policies, triggers, sensors, actions, rules,
     * workflow definitions, test results and installation record.
     *
     * @return whether a row was deleted
     * @throws dev.attune.repositories.ReferenceViolationException when rows outside the cascade still refer to it
     */
    public boolean delete(long id) {
        return dsl.deleteFrom(PACK).where(PACK.ID.eq(id)).execute() > 0;
    }
}
