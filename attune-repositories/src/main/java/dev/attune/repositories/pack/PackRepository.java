package dev.attune.repositories.pack;

import static dev.attune.repositories.schema.Tables.PACK;

import dev.attune.repositories.Page;
import dev.attune.repositories.RefRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.internal.Search;
import dev.attune.repositories.schema.tables.pojos.Pack;
import dev.attune.repositories.schema.tables.records.PackRecord;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Packs: bundles of automation content (actions, triggers, sensors, rules, ...). Lists are ordered by ref.
 *
 * <p>{@link #update} may change {@code label, description, version, conf_schema, config, meta, tags, runtime_deps,
 * is_standard}. {@link #delete} also deletes, by cascade, the pack's runtimes, permission sets, policies, triggers,
 * sensors, actions, rules, workflow definitions, test results and installation record; it is refused
 * ({@link dev.attune.repositories.ReferenceViolationException}) while rows outside the cascade still refer to the pack.
 *
 * <p>{@link #create} refuses a taken ref.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new PackRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class PackRepository extends RefRepository<PackRecord, Pack, NewPack> {

    private static final EntityTable<PackRecord, Pack> TABLE = EntityTable.of(PACK.ID, Pack.class)
            .orderedBy(PACK.REF)
            .updatable(PACK.LABEL, PACK.DESCRIPTION, PACK.VERSION, PACK.CONF_SCHEMA, PACK.CONFIG, PACK.META, PACK.TAGS,
                    PACK.RUNTIME_DEPS, PACK.IS_STANDARD);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public PackRepository(DSLContext dsl) {
        super(dsl, TABLE, PACK.REF);
    }



    /**
     * One page of packs.
     *
     * @param page which rows
     * @return the page, by ref
     * @throws dev.attune.repositories.ValidationException when {@code page} is null
     */
    public List<Pack> listPaginated(Page page) {
        return page(page);
    }

    /**
     * Packs whose tags contain {@code tag}.
     *
     * @param tag the tag
     * @return the tagged packs, by ref
     * @throws dev.attune.repositories.ValidationException when {@code tag} is null
     */
    public List<Pack> findByTag(String tag) {
        require("tag", tag);
        return where(PACK.TAGS.contains(new String[] {tag}));
    }

    /**
     * Standard packs.
     *
     * @return the standard packs, by ref
     */
    public List<Pack> findStandard() {
        return where(PACK.IS_STANDARD.isTrue());
    }

    /**
     * Packs whose ref, label or description contains {@code query}, ignoring case.
     *
     * @param query the text to look for; {@code %} and {@code _} match literally
     * @return the matching packs, by ref
     * @throws dev.attune.repositories.ValidationException when {@code query} is null
     */
    public List<Pack> search(String query) {
        require("query", query);
        return where(Search.containsIgnoringCase(query, PACK.REF, PACK.LABEL, PACK.DESCRIPTION));
    }


}
