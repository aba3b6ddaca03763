package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.run.RunService;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/** Every record message of an entity's pipeline says which record it is: run, phase, entity and source id. */
class RecordHeadersTest {

    @TempDir
    Path dir;

    @Test
    void everyRecordMessageCarriesTheRunPhaseEntityAndSourceId() throws Exception {
        try (MigrationFixture f = MigrationFixture.h2(dir, SampleOptions.of(200)).addMissingUsersToDestination();
             OsmRuntime runtime = OsmRuntime.standalone(f.config())) {
            List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
            CamelContext camel = runtime.pipeline();
            camel.getCamelContextExtension().addInterceptStrategy(new InterceptStrategy() {
                @Override
                public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode node, Processor target,
                                                             Processor next) {
                    if (node.getId() == null || !node.getId().endsWith("-enrich")) {
                        return target;
                    }
                    return exchange -> {
                        target.process(exchange);
                        seen.add(Map.copyOf(exchange.getIn().getHeaders()));
                    };
                }
            });
            RunReport report = RunService.run(runtime, f.loadSpec(), new RunOptions(List.of(), false));
            assertThat(report.exitCode()).as(report.message()).isZero();

            // every table route's records: the lookups', the inserts' (process instances' under bpt), the deferred updates'
            // and the verify phase's comparisons
            List<String> inserting = List.of("data", "bpt");
            // (the bpt phase's definition figures are matches, not records: only planned tables count)
            long records = report.entities().stream().filter(e -> List.of("lookup", "data", "bpt", "deferred", "verify").contains(e.phase()))
                    .filter(e -> f.plan().entity(e.entity()).isPresent())
                    .mapToLong(e -> e.read()).sum();
            assertThat(seen).hasSize((int) records);
            assertThat(seen).allSatisfy(h -> {
                assertThat(h).containsEntry(PipelineHeaders.RUN_ID, report.runId());
                assertThat(h.get(PipelineHeaders.PHASE)).isIn("lookup", "data", "bpt", "deferred", "verify");
                assertThat(h.get(PipelineHeaders.SOURCE_ID)).isNotNull();
            });
            long inserts = report.entities().stream().filter(e -> inserting.contains(e.phase()))
                    .filter(e -> f.plan().entity(e.entity()).isPresent()).mapToLong(e -> e.read()).sum();
            assertThat(seen.stream().filter(h -> inserting.contains(h.get(PipelineHeaders.PHASE)))).hasSize((int) inserts);
            seen.removeIf(h -> !inserting.contains(h.get(PipelineHeaders.PHASE)));
            assertThat(seen.stream().map(h -> h.get(PipelineHeaders.ENTITY)).distinct())
                    .containsExactlyInAnyOrderElementsOf(f.plan().moved().stream().map(e -> e.entity().qualifiedName()).toList());
            assertThat(seen.stream().filter(h -> h.get(PipelineHeaders.ENTITY).equals("OrdersCore.Order"))
                    .map(h -> h.get(PipelineHeaders.SOURCE_ID)).distinct().count())
                    .isEqualTo(f.plan().entity("OrdersCore.Order").orElseThrow().sourceRows());
        }
    }
}
