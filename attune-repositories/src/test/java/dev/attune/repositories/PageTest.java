package dev.attune.repositories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aNumberedPageSkipsTheRowsOfThePagesBeforeIt() {
        assertThat(Page.number(0, 50)).isEqualTo(Page.DEFAULT);
        assertThat(Page.number(3, 20)).isEqualTo(new Page(20, 60));
        assertThat(Page.first(10).next()).isEqualTo(new Page(10, 10));
    }

    @Test
    void limitsOutsideOneToTheMaximumAndNegativeOffsetsOrPagesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> Page.first(0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> Page.first(Limits.MAX_PAGE_SIZE + 1)).hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> new Page(10, -1)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("offset"));
        assertThatThrownBy(() -> Page.number(-1, 10)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("page"));
        assertThat(Page.first(Limits.MAX_PAGE_SIZE).limit()).isEqualTo(1000);
    }
}
