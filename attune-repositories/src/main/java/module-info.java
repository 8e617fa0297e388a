/**
 * Type-safe jOOQ repositories over the Attune schema: one package per aggregate, the jOOQ code generated from the
 * schema ({@code dev.attune.repositories.schema} and its sub-packages: tables, records, POJOs, enums, routines) and the
 * bindings the generated code uses for {@code jsonb} and {@code inet} columns ({@code dev.attune.repositories.binding}).
 * Shared checks and helpers ({@code dev.attune.repositories.internal}) are not exported.
 */
// pgjdbc (PSQLException, for the error translation) is an automatic module with a stable name, org.postgresql.jdbc.
@SuppressWarnings("requires-automatic")
module dev.attune.repositories {
    // Types of these modules appear in the API: Database and SchemaName (repositories, ExecutionNotifications),
    // jOOQ's DSLContext and the generated tables and records, Jackson's JsonNode (jsonb columns, converters).
    requires transitive dev.attune.db;
    requires transitive org.jooq;
    requires transitive tools.jackson.databind;

    requires com.fasterxml.jackson.annotation;
    requires org.postgresql.jdbc;
    requires org.slf4j;
    requires tools.jackson.core;

    exports dev.attune.repositories;
    exports dev.attune.repositories.action;
    exports dev.attune.repositories.artifact;
    exports dev.attune.repositories.binding;
    exports dev.attune.repositories.enforcement;
    exports dev.attune.repositories.event;
    exports dev.attune.repositories.execution;
    exports dev.attune.repositories.identity;
    exports dev.attune.repositories.inquiry;
    exports dev.attune.repositories.key;
    exports dev.attune.repositories.notification;
    exports dev.attune.repositories.pack;
    exports dev.attune.repositories.queue;
    exports dev.attune.repositories.rule;
    exports dev.attune.repositories.runtime;
    exports dev.attune.repositories.sensor;
    exports dev.attune.repositories.trigger;
    exports dev.attune.repositories.webhook;
    exports dev.attune.repositories.worker;
    exports dev.attune.repositories.workflow;
    exports dev.attune.repositories.schema;
    exports dev.attune.repositories.schema.enums;
    exports dev.attune.repositories.schema.routines;
    exports dev.attune.repositories.schema.tables;
    exports dev.attune.repositories.schema.tables.pojos;
    exports dev.attune.repositories.schema.tables.records;
}
