package io.osmigrate.host;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.osmigrate.pipeline.RunBoard;
import io.osmigrate.state.DeadLetter;
import io.osmigrate.state.EntityFigures;
import io.osmigrate.state.Runs;

/**
 * The host's status page as server-rendered HTML: the page ({@link #page}), whose two parts the page's script fetches
 * again every second ({@link #current}, {@link #recent}), and a run's own page with its figures and dead letters
 * ({@link #run}). Every value is escaped. Elements carry {@code data-*} attributes (run state, phase, entity) so a
 * reader, or a test, finds them without parsing the text. Stateless.
 */
final class StatusPage {

    /** The page's paths on the management server. */
    static final String PATH = "/status";
    static final String CURRENT = PATH + "/current";
    static final String RECENT = PATH + "/recent";
    static final String RUNS = PATH + "/runs/";
    /** How many dead letters a run's page shows; the command line lists them all. */
    static final int DEAD_LETTERS_SHOWN = 500;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
            table{border-collapse:collapse;margin:.5em 0 1.5em}
            th,td{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            progress{width:8em}
            pre{margin:0;white-space:pre-wrap;max-width:40em;font-size:.85em}
            .state-running{color:#0a58ca}.state-SUCCEEDED{color:#146c43}
            .state-DEAD_LETTERS,.state-UNACCOUNTED{color:#b35900}
            .state-FAILED,.state-STOPPED,.state-ERROR,.state-BLOCKED,.state-INTERRUPTED{color:#b02a37}
            """;
    /** Fetches each part with a data-src again every second while the page is open: a run's progress moves on its own. */
    private static final String SCRIPT = """
            function refresh() {
              document.querySelectorAll('[data-src]').forEach(function (part) {
                fetch(part.dataset.src, {cache: 'no-store'})
                  .then(function (answer) { return answer.ok ? answer.text() : null; })
                  .then(function (html) {
                    // replaced only when it changed: a finished run's part stays as it is
                    if (html !== null && html !== part.dataset.shown) { part.innerHTML = html; part.dataset.shown = html; }
                  })
                  .catch(function () { /* the host may be restarting: the next tick tries again */ });
              });
            }
            setInterval(refresh, 1000);
            """;

    private StatusPage() {
    }

    /** The whole page: this host's role, the current (or last) run, the recent runs. */
    static String page(boolean active, Optional<RunBoard.Snapshot> run, String recentRuns) {
        return document("osmigrate — route host", "<h1>osmigrate route host</h1>\n<p id=\"role\" data-role=\""
                + (active ? "active" : "standby") + "\">" + (active ? "This host is the active one: it takes jobs and schedules."
                        : "This host stands by: the active host takes jobs and schedules, and shows their runs.") + "</p>\n"
                + "<h2>Current or last run</h2>\n<div id=\"current\" data-src=\"" + CURRENT + "\">" + current(run) + "</div>\n"
                + "<h2>Recent runs</h2>\n<div id=\"recent\" data-src=\"" + RECENT + "\">" + recentRuns + "</div>\n"
                + "<script>\n" + SCRIPT + "</script>\n");
    }

    /** The run going on with per-phase and per-table progress; or the last one run by this host, with its outcome. */
    static String current(Optional<RunBoard.Snapshot> board) {
        if (board.isEmpty()) {
            return "<p class=\"none\">No run since this host started.</p>";
        }
        RunBoard.Snapshot run = board.get();
        String state = run.outcome().orElse("running");
        StringBuilder html = new StringBuilder("<div class=\"run\" data-state=\"").append(esc(state)).append("\">");
        html.append("<p>Run ").append(run.runId().map(StatusPage::runLink).orElse("(starting)")).append(" of <b>")
                .append(esc(run.spec())).append("</b>, started ").append(TIME.format(run.startedAt())).append(": <span class=\"outcome state-")
                .append(esc(state)).append("\">").append(esc(state)).append("</span></p>");
        html.append("<table class=\"phases\"><tr><th>phase</th><th>state</th><th>rows</th><th>rows/s</th><th>ETA</th></tr>");
        for (RunBoard.PhaseLine p : run.phases()) {
            html.append("<tr data-phase=\"").append(esc(p.phase())).append("\" data-state=\"").append(esc(p.state())).append("\"><td>")
                    .append(esc(p.phase())).append("</td><td>").append(esc(p.state())).append("</td><td class=\"n\">")
                    .append(p.total() == 0 ? "" : of(p.done(), p.total())).append("</td><td class=\"n\">")
                    .append(p.total() == 0 ? "" : rate(p.rowsPerSecond())).append("</td><td class=\"n\">")
                    .append(eta(p.eta())).append("</td></tr>");
        }
        html.append("</table>");
        html.append("<table class=\"entities\"><tr><th>phase</th><th>entity</th><th>state</th><th>rows read</th><th></th>"
                + "<th>rows/s</th><th>ETA</th></tr>");
        for (RunBoard.EntityLine e : run.entities()) {
            html.append("<tr data-entity=\"").append(esc(e.entity())).append("\" data-phase=\"").append(esc(e.phase()))
                    .append("\" data-done=\"").append(e.done()).append("\" data-total=\"").append(e.total()).append("\"><td>")
                    .append(esc(e.phase())).append("</td><td>").append(esc(e.entity())).append("</td><td>").append(esc(e.state()))
                    .append("</td><td class=\"n\">").append(of(e.done(), e.total())).append("</td><td><progress max=\"")
                    .append(Math.max(1, e.total())).append("\" value=\"").append(e.done()).append("\"></progress></td><td class=\"n\">")
                    .append(rate(e.rowsPerSecond())).append("</td><td class=\"n\">").append(eta(e.eta())).append("</td></tr>");
        }
        return html.append("</table></div>").toString();
    }

    /** The recent runs from the state store, newest first, with outcome and figures. */
    static String recent(List<Runs.Summary> runs) {
        if (runs.isEmpty()) {
            return "<p class=\"none\">No runs yet.</p>";
        }
        StringBuilder html = new StringBuilder("<table class=\"runs\"><tr><th>run</th><th>spec</th><th>from → to</th>"
                + "<th>state</th><th>started</th><th>duration</th><th>read</th><th>inserted</th><th>matched</th>"
                + "<th>skipped</th><th>dead letters</th><th>exit code</th></tr>");
        for (Runs.Summary s : runs) {
            Runs.Run r = s.run();
            html.append("<tr data-run=\"").append(esc(r.runId())).append("\" data-state=\"").append(esc(r.state().name()))
                    .append("\"><td>").append(runLink(r.runId())).append("</td><td title=\"").append(esc(r.spec())).append("\">")
                    .append(esc(specName(r.spec()))).append("</td><td>")
                    .append(esc(r.sourceEnv())).append(" → ").append(esc(r.destinationEnv())).append("</td><td class=\"state-")
                    .append(esc(r.state().name())).append("\">").append(esc(r.state().name())).append("</td><td>")
                    .append(TIME.format(r.startedAt())).append("</td><td class=\"n\">")
                    .append(r.finishedAt() == null ? "" : clock(Duration.between(r.startedAt(), r.finishedAt())))
                    .append("</td>").append(count(s.read())).append(count(s.inserted())).append(count(s.matched()))
                    .append(count(s.skipped())).append(count(s.deadLetters())).append("<td class=\"n\">")
                    .append(r.exitCode() == null ? "" : r.exitCode()).append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    /** A run's own page: its record, per-entity figures and its dead letters with reason, source row and mapped row. */
    static String run(Runs.Run r, List<EntityFigures> figures, List<DeadLetter> deadLetters, long deadLetterCount) {
        StringBuilder html = new StringBuilder("<p><a href=\"").append(PATH).append("\">← status</a></p><h1>Run ")
                .append(esc(r.runId())).append("</h1><p data-state=\"").append(esc(r.state().name())).append("\">")
                .append(esc(r.spec())).append(", ").append(esc(r.sourceEnv())).append(" → ").append(esc(r.destinationEnv()))
                .append(", started ").append(TIME.format(r.startedAt())).append(": <span class=\"state-")
                .append(esc(r.state().name())).append("\">").append(esc(r.state().name())).append("</span>")
                .append(r.exitCode() == null ? "" : " (exit code " + r.exitCode() + ")").append("</p>");
        if (r.message() != null && !r.message().isBlank()) {
            html.append("<p class=\"message\">").append(esc(r.message())).append("</p>");
        }
        html.append("<h2>Figures</h2><table class=\"figures\"><tr><th>phase</th><th>entity</th><th>state</th><th>read</th>"
                + "<th>inserted</th><th>matched</th><th>skipped</th><th>dead letters</th><th>rows/s</th></tr>");
        for (EntityFigures f : figures) {
            html.append("<tr><td>").append(esc(f.phase())).append("</td><td>").append(esc(f.entity())).append("</td><td>")
                    .append(esc(f.state())).append("</td>").append(count(f.read())).append(count(f.inserted()))
                    .append(count(f.matched())).append(count(f.skipped())).append(count(f.deadLettered()))
                    .append("<td class=\"n\">").append(rate(f.rowsPerSecond())).append("</td></tr>");
        }
        html.append("</table><h2>Dead letters</h2>");
        if (deadLetters.isEmpty()) {
            html.append("<p class=\"none\">None.</p>");
        } else {
            if (deadLetterCount > deadLetters.size()) {
                html.append("<p>The first ").append(deadLetters.size()).append(" of ").append(deadLetterCount)
                        .append("; all of them: <code>osmigrate dead-letters --run ").append(esc(r.runId())).append("</code></p>");
            }
            html.append("<table class=\"dead-letters\"><tr><th>entity</th><th>source id</th><th>reason</th><th>message</th>"
                    + "<th>source row</th><th>mapped row</th></tr>");
            for (DeadLetter d : deadLetters) {
                html.append("<tr class=\"dead-letter\" data-entity=\"").append(esc(d.entity())).append("\" data-reason=\"")
                        .append(esc(d.reason())).append("\"><td>").append(esc(d.entity())).append("</td><td>")
                        .append(esc(d.sourceId())).append("</td><td class=\"reason\">").append(esc(d.reason())).append("</td><td>")
                        .append(esc(d.message())).append("</td><td><pre class=\"source-row\">").append(esc(d.sourceRow()))
                        .append("</pre></td><td><pre class=\"mapped-row\">").append(esc(d.mappedRow())).append("</pre></td></tr>");
            }
            html.append("</table>");
        }
        return document("osmigrate — run " + r.runId(), html.toString());
    }

    /** A page for what is not there (an unknown run). */
    static String notFound(String what) {
        return document("osmigrate — not found", "<p><a href=\"" + PATH + "\">← status</a></p><p class=\"none\">"
                + esc(what) + "</p>");
    }

    private static String document(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>"
                + STYLE + "</style></head>\n<body>\n" + body + "</body></html>\n";
    }

    /** A spec's file name: its folder is in the cell's title (the spec folders are few). */
    private static String specName(String spec) {
        int slash = Math.max(spec.lastIndexOf('/'), spec.lastIndexOf('\\'));
        return spec.substring(slash + 1);
    }

    private static String runLink(String runId) {
        return "<a class=\"run-link\" href=\"" + RUNS + esc(runId) + "\">" + esc(runId) + "</a>";
    }

    private static String of(long done, long total) {
        return String.format(Locale.ROOT, "%,d of %,d", done, total);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "<td class=\"n\">%,d</td>", n);
    }

    private static String rate(double rowsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f", rowsPerSecond);
    }

    private static String eta(Optional<Duration> eta) {
        return eta.map(StatusPage::clock).orElse("");
    }

    /** h:mm:ss, or m:ss under an hour. */
    private static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Text as HTML, in an element or a quoted attribute; null as nothing. */
    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
