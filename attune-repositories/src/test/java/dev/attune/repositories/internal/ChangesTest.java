package dev.attune.repositories.internal;

import static dev.attune.repositories.schema.Tables.PACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.tables.records.PackRecord;
import org.junit.jupiter.api.Test;

class ChangesTest {

    @Test
    void aNullableColumnCanBeSetToNullAndIsDistinctFromUnchanged() {
        Changes<PackRecord> none = Changes.none();
        Changes<PackRecord> cleared = none.set(PACK.DESCRIPTION, null);

        assertThat(none.isEmpty()).isTrue();
        assertThat(cleared.asMap()).containsEntry(PACK.DESCRIPTION, null).hasSize(1);
    }

    @Test
    void setReturnsACopyAndKeepsTheOrderOfColumns() {
        Changes<PackRecord> first = Changes.<PackRecord>none().set(PACK.LABEL, "a");
        Changes<PackRecord> second = first.set(PACK.VERSION, "1.0.0");

        assertThat(first.asMap()).containsOnlyKeys(PACK.LABEL);
        assertThat(second.asMap().keySet()).containsExactly(PACK.LABEL, PACK.VERSION);
    }

    @Test
    void aNotNullColumnSetToNullIsRejectedNamingTableAndColumn() {
        assertThatThrownBy(() -> Changes.<PackRecord>none().set(PACK.LABEL, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack");
                    assertThat(e.field()).isEqualTo("label");
                })
                .hasMessageContaining("NOT NULL");
    }
}
