package dev.attune.repositories.codegen;

import static dev.attune.repositories.schema.Tables.EXECUTION;
import static dev.attune.repositories.schema.Tables.PACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attune.db.Database;
import dev.attune.repositories.schema.Routines;
import dev.attune.repositories.schema.Tables;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.tables.records.PackRecord;
import dev.attune.provisioning.IsolatedSchema;
import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.provisioning.TestSchemaProvisioner;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The SQL that generated code renders never names a schema: the connection's search path alone chooses it. */
@IsolatedSchemaTest
class RenderedSqlIsUnqualifiedTest {

    /** A quoted identifier followed by a dot and another quoted identifier and a dot: a three-part name. */
    private static final Pattern THREE_PART = Pattern.compile("\"[^\"]+\"\\.\"[^\"]+\"\\.\"");

    private final DSLContext renderer = DSL.using(SQLDialect.POSTGRES, Database.jooqSettings());

    static List<Table<?>> generatedTables() throws IllegalAccessException {
        List<Table<?>> tables = new ArrayList<>();
        for (java.lang.reflect.Field constant : Tables.class.getFields()) {
            if (Modifier.isStatic(constant.getModifiers()) && Table.class.isAssignableFrom(constant.getType())) {
                tables.add((Table<?>) constant.get(null));
            }
        }
        return tables;
    }

    @Test
    void selectInsertAndUpdateOfEveryGeneratedTableAreUnqualified() throws IllegalAccessException {
        List<Table<?>> tables = generatedTables();
        assertThat(tables).hasSizeGreaterThanOrEqualTo(30); // 25 tables, 5 views, table-valued functions

        for (Table<?> table : tables) {
            String quoted = "\"" + table.getName() + "\"";
            Field<?> first = table.fields()[0];
            List<String> statements = List.of(
                    renderer.renderInlined(renderer.selectFrom(table).where(DSL.noCondition())),
                    renderer.render(renderer.insertInto(table).set(DSL.field(first.getUnqualifiedName()), (Object) null)),
                    renderer.render(renderer.update(table).set(DSL.field(first.getUnqualifiedName()), (Object) null)));
            for (String sql : statements) {
                assertThat(sql).as(table.getName()).doesNotContain("." + quoted).doesNotContainPattern(THREE_PART);
                assertThat(table.getSchema()).as(table.getName() + " schema").isNull();
            }
        }
    }

    @Test
    void enumCastsAndRoutineCallsAreUnqualified() {
        String insert = renderer.render(renderer.insertInto(EXECUTION)
                .set(EXECUTION.ACTION_REF, "core.echo").set(EXECUTION.STATUS, ExecutionStatusEnum.running));
        String call = renderer.renderInlined(renderer.select(Routines.generateWebhookKey()));

        assertThat(insert).contains("cast(? as \"execution_status_enum\")").doesNotContain(".\"execution_status_enum\"");
        assertThat(call).contains("\"generate_webhook_key\"()").doesNotContain(".\"generate_webhook_key\"");
    }

    @Test
    void theSameCodeRunAgainstTwoSchemasSeesOnlyEachSchemasOwnRows(IsolatedSchema first,
            TestSchemaProvisioner provisioner) {
        try (IsolatedSchema second = provisioner.lease("second schema")) {
            insertPack(first.dsl(), "first");
            insertPack(second.dsl(), "second");
            insertPack(second.dsl(), "third");

            assertThat(refs(first.dsl())).containsExactly("first");
            assertThat(refs(second.dsl())).containsExactly("second", "third");
            assertThat(first.name()).isNotEqualTo(second.name());
        }
    }

    private static void insertPack(DSLContext dsl, String ref) {
        PackRecord pack = dsl.newRecord(PACK);
        pack.setRef(ref);
        pack.setLabel(ref);
        pack.setVersion("1.0.0");
        pack.store();
    }

    private static List<String> refs(DSLContext dsl) {
        return dsl.select(PACK.REF).from(PACK).orderBy(PACK.REF).fetch(PACK.REF);
    }
}
