package dev.attune.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestDatabaseSourceTest {

    @Test
    void defaultsToTheUrlWhenOneIsConfiguredAndToEmbeddedOtherwise() {
        assertThat(TestDatabaseSource.parse(null, true)).isEqualTo(TestDatabaseSource.URL);
        assertThat(TestDatabaseSource.parse(" ", false)).isEqualTo(TestDatabaseSource.EMBEDDED);
    }

    @Test
    void anExplicitChoiceWinsOverTheConfiguredUrl() {
        assertThat(TestDatabaseSource.parse("Embedded", true)).isEqualTo(TestDatabaseSource.EMBEDDED);
        assertThat(TestDatabaseSource.parse("docker", true)).isEqualTo(TestDatabaseSource.DOCKER);
    }

    @Test
    void anUnknownChoiceIsRejectedNamingTheSettingAndTheAcceptedValues() {
        assertThatThrownBy(() -> TestDatabaseSource.parse("h2", false))
                .isInstanceOf(TestServerException.class)
                .hasMessage("attune.test.database (or ATTUNE_TEST_DATABASE) is 'h2': must be one of url, embedded, docker");
    }
}
