package io.osmigrate.host;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A job: which spec, and what to do with it. Written in a job file dropped in the inbox, or made by
 * a cron schedule.
 *
 * <pre>
 * spec: config/migrations/demo.yaml
 * command: plan          # plan | run
 * phases: [statics, data] # run only; default: every phase (clean only with clean: true in the spec, or fresh)
 * fresh: false           # run only; start over: clean the scope and forget its key-map pairs
 * </pre>
 */
public record JobRequest(@JsonProperty("spec") String spec,
                         @JsonProperty("command") String command,
                         @JsonProperty("phases") List<String> phases,
                         @JsonProperty("fresh") Boolean fresh) {

    public JobRequest {
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    public boolean isFresh() {
        return fresh != null && fresh;
    }
}
