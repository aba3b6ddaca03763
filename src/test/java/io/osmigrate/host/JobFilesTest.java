package io.osmigrate.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.osmigrate.config.ConfigException;
import io.osmigrate.run.Phase;

/** Job files are read strictly, with the file, the line and what is allowed in every message. */
class JobFilesTest {

    private static final String FILE = "inbox/nightly.yaml";

    @Test
    void aRunJobCarriesItsPhasesAndFresh() {
        JobRequest job = JobFiles.parse(FILE, "spec: config/migrations/demo.yaml\ncommand: run\nphases: [statics, DATA]\nfresh: true\n");

        assertThat(job.command()).isEqualTo("run");
        assertThat(JobFiles.phases(job)).containsExactly(Phase.STATICS, Phase.DATA);
        assertThat(job.isFresh()).isTrue();
    }

    @Test
    void aSinglePhaseNeedNotBeAList() {
        JobRequest job = JobFiles.parse(FILE, "spec: demo.yaml\ncommand: run\nphases: verify\n");

        assertThat(JobFiles.phases(job)).containsExactly(Phase.VERIFY);
    }

    @Test
    void anUnknownPhaseIsRejectedNamingTheFileTheLineAndTheAllowedPhases() {
        assertThatThrownBy(() -> JobFiles.parse(FILE, "spec: demo.yaml\ncommand: run\nphases:\n  - data\n  - everything\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(FILE + ", line 5")
                .hasMessageContaining("unknown phase 'everything'")
                .hasMessageContaining("allowed: statics, users, clean, data, verify");
    }

    @Test
    void phasesAndFreshBelongToRunJobsOnly() {
        assertThatThrownBy(() -> JobFiles.parse(FILE, "spec: demo.yaml\ncommand: plan\nphases: [data]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(FILE + ", line 3")
                .hasMessageContaining("command: run only");
        assertThatThrownBy(() -> JobFiles.parse(FILE, "spec: demo.yaml\ncommand: plan\nfresh: false\n"))
                .hasMessageContaining("command: run only");
    }

    @Test
    void anUnknownKeyIsRejectedWithItsLineAndTheAllowedKeys() {
        assertThatThrownBy(() -> JobFiles.parse(FILE, "spec: demo.yaml\ncommand: run\nphase: data\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(FILE + ", line 3")
                .hasMessageContaining("unknown key 'phase'")
                .hasMessageContaining("allowed: command, fresh, phases, spec");
    }

    @Test
    void anUnknownCommandIsRejectedWithTheAllowedOnes() {
        assertThatThrownBy(() -> JobFiles.parse(FILE, "spec: demo.yaml\ncommand: migrate\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(FILE + ", line 2")
                .hasMessageContaining("command is 'migrate'; allowed: plan, run");
    }

    @Test
    void aJobWithoutSpecOrNotYamlIsRejected() {
        assertThatThrownBy(() -> JobFiles.parse(FILE, "command: plan\n")).hasMessageContaining("spec is missing");
        assertThatThrownBy(() -> JobFiles.parse(FILE, " \n")).hasMessageContaining(FILE + ": the job file is empty");
        assertThatThrownBy(() -> JobFiles.parse(FILE, "spec: [demo.yaml\ncommand: plan\n"))
                .hasMessageContaining(FILE)
                .hasMessageContaining("not a valid job file");
    }
}
