package dev.attune.repositories.internal;

import org.jooq.Table;

/**
 * A key of something cached per table: the table by identity (an application's table may share a generated one's
 * name, and must not share what was cached for it) and what is cached of it, by equality.
 *
 * @param table the table
 * @param part  what of the table: a statement's name, a row class
 */
record TableKey(Table<?> table, Object part) {

    @Override
    public boolean equals(Object other) {
        return other instanceof TableKey key && key.table == table && key.part.equals(part);
    }

    @Override
    public int hashCode() {
        return 31 * System.identityHashCode(table) + part.hashCode();
    }
}
