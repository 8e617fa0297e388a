package dev.attune.repositories.pack;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Summary of a pack's test executions, as computed by the database function {@code get_pack_test_stats}.
 *
 * @param totalExecutions      number of test executions
 * @param successfulExecutions executions in which every test passed ({@code passed = total_tests})
 * @param failedExecutions     executions with at least one failure
 * @param avgPassRate          exact average pass rate; {@code null} when there is no execution
 * @param avgDurationMs        average duration; {@code null} when there is no execution
 * @param lastTestTime         time of the latest execution; {@code null} when there is none
 * @param lastTestPassed       whether the latest execution had no failure; {@code null} when there is none
 */
public record PackTestStats(
        long totalExecutions,
        long successfulExecutions,
        long failedExecutions,
        BigDecimal avgPassRate,
        Long avgDurationMs,
        OffsetDateTime lastTestTime,
        Boolean lastTestPassed) {
}
