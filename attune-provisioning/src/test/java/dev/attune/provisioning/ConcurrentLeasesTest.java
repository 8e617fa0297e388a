package dev.attune.provisioning;

import static dev.attune.provisioning.TestSchemaQueries.schemaExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.testserver.TestDatabaseServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many leases at once on a small machine: all complete, none sees another's rows, and nothing remains afterwards. */
class ConcurrentLeasesTest {

    private static final int LEASES = 16;

    @Test
    void sixteenConcurrentLeasesCompleteIsolatedAndLeaveNothing() throws Exception {
        Set<String> names = ConcurrentHashMap.newKeySet();
        ProvisioningSettings settings = new ProvisioningSettings(2, LEASES, 1, Duration.ofMinutes(5), false, true);
        String runId;
        try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start(TestDatabaseServer.get(), settings)) {
            runId = provisioner.runId();
            ExecutorService threads = Executors.newFixedThreadPool(LEASES);
            CountDownLatch allLeased = new CountDownLatch(Math.min(LEASES, provisioner.maxConcurrentLeases()));
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < LEASES; i++) {
                String ref = "pack" + i;
                results.add(threads.submit(() -> {
                    try (IsolatedSchema schema = provisioner.lease("concurrent " + ref)) {
                        names.add(schema.name().value());
                        allLeased.countDown();
                        allLeased.await(2, TimeUnit.MINUTES);
                        schema.dsl().execute("insert into pack (ref, label, version) values (?, ?, '1.0.0')", ref, ref);
                        return schema.dsl().fetchCount(schema.dsl().selectFrom("pack"));
                    }
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(5, TimeUnit.MINUTES)).as("rows each lease sees").isEqualTo(1);
            }
            threads.shutdown();
        }
        assertThat(names).hasSize(LEASES);
        assertThat(TestSchemaQueries.schemasLike("test\\_" + runId + "\\_%")).as("schemas left by the run").isEmpty();
        names.forEach(name -> assertThat(schemaExists(name)).isFalse());
    }

    @Test
    void aLeaseBeyondTheBudgetFailsWithAnExplanationInsteadOfHanging() {
        ProvisioningSettings oneLease = new ProvisioningSettings(0, 1, 1, Duration.ofSeconds(1), false, true);
        try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start(TestDatabaseServer.get(), oneLease);
                IsolatedSchema held = provisioner.lease("holds the only slot")) {
            assertThat(provisioner.maxConcurrentLeases()).isEqualTo(1);

            assertThatThrownBy(() -> provisioner.lease("waits in vain"))
                    .hasMessageContaining("no test schema could be leased within 1 s")
                    .hasMessageContaining("all 1 leases");
            assertThat(held.dsl().fetchValue("select current_schema()")).isEqualTo(held.name().value());
        }
    }
}
