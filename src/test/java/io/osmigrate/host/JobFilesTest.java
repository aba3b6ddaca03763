package io.osmigrate.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.config.ConfigException;
import io.osmigrate.pipeline.Phase;

/** Job files are read strictly, with the file, the line and what is allowed in every message. */
class JobFilesTest {

    private static final String FILE = "inbox/nightly.yaml";
    private static final String SECRET = "osm-secret-" + UUID.randomUUID();

    @TempDir
    Path tmp;

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
                .hasMessageContaining("phases[1] is not a phase")
                .hasMessageContaining("allowed: statics, triggers-off, users, clean, bpt, data, events, verify")
                .hasMessageNotContaining("everything");
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
                .hasMessageContaining("command is not one of the allowed words; allowed: plan, run")
                .hasMessageNotContaining("migrate");
    }

    @Test
    void aJobWithoutSpecOrNotYamlIsRejected() {
        assertThatThrownBy(() -> JobFiles.parse(FILE, "command: plan\n")).hasMessageContaining("spec is missing");
        assertThatThrownBy(() -> JobFiles.parse(FILE, " \n")).hasMessageContaining(FILE + ": the job file is empty");
        assertThatThrownBy(() -> JobFiles.parse(FILE, "spec: [demo.yaml\ncommand: plan\n"))
                .hasMessageContaining(FILE)
                .hasMessageContaining("not a valid job file");
    }

    @Test
    void anEmptyListOfPhasesIsRefusedRatherThanRunningEveryPhase() {
        assertThatThrownBy(() -> JobFiles.parse(FILE, "spec: demo.yaml\ncommand: run\nphases: []\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(FILE + ", line 3: phases is empty")
                .hasMessageContaining("leave phases out to run every phase");
        assertThatThrownBy(() -> JobFiles.parse(FILE, "spec: demo.yaml\ncommand: run\nphases:\n"))
                .hasMessageContaining(FILE + ", line 3: phases is empty");
    }

    @Test
    void errorsNameTheKeyButNeverRepeatTheFilesText() {
        assertThatThrownBy(() -> JobFiles.parse(FILE, "root:x:0:0:" + SECRET + ":/root:/bin/bash\n"))
                .hasMessageContaining("not a valid job file: the file is not a YAML mapping")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> JobFiles.parse(FILE, "spec: demo.yaml\ncommand: run\nfresh: " + SECRET + "\n"))
                .hasMessageContaining(FILE + ", line 3").hasMessageContaining("fresh must be true or false")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> JobFiles.parse(FILE, "spec: [" + SECRET + "\ncommand: {\n"))
                .hasMessageContaining("not valid YAML").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> JobFiles.parse(FILE, "spec: demo.yaml\ncommand: " + SECRET + "\n"))
                .hasMessageContaining("command is not one of the allowed words").hasMessageNotContaining(SECRET);
    }

    @Test
    void aJobFileIsReadOnlyWhenItIsASmallRegularFile() throws Exception {
        Path job = tmp.resolve("job.yaml");
        Files.writeString(job, "spec: demo.yaml\ncommand: plan\n");
        assertThat(JobFiles.read(FILE, job).command()).isEqualTo("plan");

        Path secret = tmp.resolve("shadow");
        Files.writeString(secret, "root:$6$" + SECRET + ":19000:0:99999:7:::\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.yaml"), secret);
        Path folder = Files.createDirectories(tmp.resolve("folder.yaml"));
        Path fifo = tmp.resolve("fifo.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        Path big = tmp.resolve("big.yaml");
        Files.writeString(big, "# " + SECRET + "\n" + "#".repeat(JobFiles.MAX_JOB_BYTES));

        assertThatThrownBy(() -> JobFiles.read(FILE, link)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(FILE + " is a symbolic link, not a regular file").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> JobFiles.read(FILE, folder)).hasMessageContaining(FILE + " is a folder, not a regular file");
        // were the FIFO opened, this would block until something wrote to it
        assertThatThrownBy(() -> JobFiles.read(FILE, fifo)).hasMessageContaining(FILE + " is a special file");
        assertThatThrownBy(() -> JobFiles.read(FILE, big))
                .hasMessageContaining(FILE + " is larger than the limit of " + JobFiles.MAX_JOB_BYTES + " bytes")
                .hasMessageNotContaining(SECRET);
        Files.writeString(job, "");
        assertThatThrownBy(() -> JobFiles.read(FILE, job)).hasMessageContaining(FILE + ": the job file is empty");
    }
}
