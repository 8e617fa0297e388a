package dev.attune.repositories;

import static dev.attune.repositories.schema.Tables.PACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.repositories.schema.tables.records.PackRecord;
import org.junit.jupiter.api.Test;

class RowUpdateTest {

    @Test
    void aNullableColumnCanBeSetToNullAndIsDistinctFromUnchanged() {
        RowUpdate<PackRecord> none = RowUpdate.of(PACK);
        RowUpdate<PackRecord> cleared = none.set(PACK.DESCRIPTION, null);

        assertThat(none.isEmpty()).isTrue();
        assertThat(cleared.values()).containsEntry(PACK.DESCRIPTION, null).hasSize(1);
        assertThat(cleared.isSet(PACK.DESCRIPTION)).isTrue();
        assertThat(none.isSet(PACK.DESCRIPTION)).isFalse();
    }

    @Test
    void setReturnsACopyAndKeepsTheOrderOfColumns() {
        RowUpdate<PackRecord> first = RowUpdate.of(PACK).set(PACK.LABEL, "a");
        RowUpdate<PackRecord> second = first.set(PACK.VERSION, "1.0.0");

        assertThat(first.values()).containsOnlyKeys(PACK.LABEL);
        assertThat(second.values().keySet()).containsExactly(PACK.LABEL, PACK.VERSION);
    }

    @Test
    void aNotNullColumnSetToNullIsRejectedNamingTableAndColumn() {
        assertThatThrownBy(() -> RowUpdate.of(PACK).set(PACK.LABEL, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack");
                    assertThat(e.field()).isEqualTo("label");
                })
                .hasMessageContaining("NOT NULL");
    }
}
