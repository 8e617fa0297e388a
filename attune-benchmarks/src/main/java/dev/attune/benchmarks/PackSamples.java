package dev.attune.benchmarks;

import dev.attune.repositories.binding.JsonbJsonNodeConverter;
import dev.attune.repositories.pack.NewPack;
import java.util.List;
import org.jooq.JSONB;

/** The packs the benchmarks write: small but with every kind of column filled (text, JSON, arrays). */
final class PackSamples {

    private static final JsonbJsonNodeConverter JSON = new JsonbJsonNodeConverter();
    /** Built once: both sides get the same, already parsed JSON values, as a caller would hand them over. */
    private static final NewPack TEMPLATE = new NewPack("template", "Benchmark pack",
            "A pack written by the benchmarks", "1.2.3",
            JSON.from(JSONB.valueOf("{\"type\":\"object\",\"properties\":{\"url\":{\"type\":\"string\"}}}")),
            JSON.from(JSONB.valueOf("{\"url\":\"http://localhost:8080\"}")),
            JSON.from(JSONB.valueOf("{\"owner\":\"benchmarks\",\"rank\":3}")),
            List.of("bench", "jmh"), List.of("python3"), false);

    private PackSamples() {
    }

    /** The sample pack under {@code ref}. */
    static NewPack newPack(String ref) {
        return new NewPack(ref, TEMPLATE.label(), TEMPLATE.description(), TEMPLATE.version(), TEMPLATE.confSchema(),
                TEMPLATE.config(), TEMPLATE.meta(), TEMPLATE.tags(), TEMPLATE.runtimeDeps(), TEMPLATE.isStandard());
    }
}
