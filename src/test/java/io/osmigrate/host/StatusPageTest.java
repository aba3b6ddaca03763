package io.osmigrate.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.osmigrate.state.DeadLetter;
import io.osmigrate.state.RunState;
import io.osmigrate.state.Runs;

/**
 * The status page's HTML: what a row holds is text, never markup (a source row is whatever the source had), and a
 * page without a run says so.
 */
class StatusPageTest {

    @Test
    void rowsAndMessagesAreEscaped() {
        Runs.Run run = new Runs.Run("r-1", "/specs/a<b>.yaml", "src", "dst", "data", RunState.DEAD_LETTERS, Instant.EPOCH,
                Instant.EPOCH.plusSeconds(61), "it said \"<no>\"", 1);
        DeadLetter letter = new DeadLetter(1, "r-1", "data", "Sales.Note", "7", "data", "SQLException", "22001", null,
                "too long: <script>alert(1)</script>", "{\"Text\":\"<script>alert('x')</script>\"}", "{\"Text\":\"&amp;\"}",
                Instant.EPOCH);

        String html = StatusPage.run(run, List.of(), List.of(letter), 1);

        assertThat(html).doesNotContain("<script>").doesNotContain("a<b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "{&quot;Text&quot;:&quot;&amp;amp;&quot;}",
                        "it said &quot;&lt;no&gt;&quot;", "a&lt;b&gt;.yaml");
        assertThat(StatusPage.recent(List.of(new Runs.Summary(run, 10, 9, 0, 0, 1))))
                .contains(">a&lt;b&gt;.yaml<", "1:01", "data-state=\"DEAD_LETTERS\"");
    }

    @Test
    void withoutARunThePageSaysSoAndStillPolls() {
        String page = StatusPage.page(true, Optional.empty(), StatusPage.recent(List.of()));

        assertThat(page).contains("No run since this host started", "No runs yet", "data-src=\"" + StatusPage.CURRENT + "\"",
                "setInterval(refresh");
    }
}
