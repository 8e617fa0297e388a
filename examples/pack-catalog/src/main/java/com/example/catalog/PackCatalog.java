package com.example.catalog;

import dev.attune.repositories.action.ActionRepository;
import dev.attune.repositories.action.NewAction;
import dev.attune.repositories.pack.NewPack;
import dev.attune.repositories.pack.PackRepository;
import dev.attune.repositories.schema.tables.pojos.Action;
import dev.attune.repositories.schema.tables.pojos.Pack;
import java.util.Optional;
import org.jooq.DSLContext;

/** A service that registers automation packs: a pack and its first action are stored together or not at all. */
public final class PackCatalog {

    private final DSLContext dsl;

    /** A catalog over {@code dsl}, typically {@code Database.dsl()} of the service. */
    public PackCatalog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Registers pack {@code packRef} with one action {@code <packRef>.<actionName>} in one transaction.
     *
     * @return the stored action
     * @throws dev.attune.repositories.RepositoryException if either row is refused (then neither is stored)
     */
    public Action register(String packRef, String version, String actionName, String entrypoint) {
        return dsl.transactionResult(tx -> {
            var packs = new PackRepository(tx.dsl());
            var actions = new ActionRepository(tx.dsl());
            Pack pack = packs.create(NewPack.of(packRef, packRef, version));
            return actions.create(NewAction.of(packRef + "." + actionName, pack, actionName, "Runs " + entrypoint,
                    entrypoint));
        }); // committed here; any exception rolls back both inserts
    }

    /** The pack {@code ref}, if registered. */
    public Optional<Pack> pack(String ref) {
        return new PackRepository(dsl).findByRef(ref);
    }
}
