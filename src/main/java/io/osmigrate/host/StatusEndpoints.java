package io.osmigrate.host;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.state.DeadLetter;
import io.osmigrate.state.Runs;
import io.osmigrate.state.StateStore;

/**
 * Serves the status page ({@link StatusPage}) on the management server's router, beside {@code /observe/*}:
 * {@code /} and {@code /status} the page, {@code /status/current} and {@code /status/recent} its parts,
 * {@code /status/runs/<id>} a run with its dead letters. Handlers that read the state store run off the event loop.
 * A standby host never opens the state store for the page: it shows the run board and says the active host has
 * the history. Only GET; nothing here changes anything.
 */
final class StatusEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(StatusEndpoints.class);
    private static final int RECENT_RUNS = 20;

    private final OsmRuntime runtime;
    private final BooleanSupplier active;

    StatusEndpoints(OsmRuntime runtime, BooleanSupplier active) {
        this.runtime = runtime;
        this.active = active;
    }

    void mount(Router router) {
        router.route(HttpMethod.GET, "/").handler(ctx -> ctx.redirect(StatusPage.PATH));
        get(router, StatusPage.PATH, ctx -> StatusPage.page(active.getAsBoolean(), runtime.board().snapshot(), recent()));
        get(router, StatusPage.CURRENT, ctx -> StatusPage.current(runtime.board().snapshot()));
        get(router, StatusPage.RECENT, ctx -> recent());
        router.route(HttpMethod.GET, StatusPage.RUNS + ":id").blockingHandler(ctx -> answer(ctx, run(ctx.pathParam("id"))), false);
    }

    private static void get(Router router, String path, Function<RoutingContext, String> page) {
        router.route(HttpMethod.GET, path).blockingHandler(ctx -> answer(ctx, Optional.of(page.apply(ctx))), false);
    }

    private static void answer(RoutingContext ctx, Optional<String> html) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store");
        if (html.isEmpty()) {
            ctx.response().setStatusCode(404).end(StatusPage.notFound("No such run."));
            return;
        }
        ctx.response().end(html.get());
    }

    private String recent() {
        Optional<StateStore> state = state();
        if (state.isEmpty()) {
            return "<p class=\"none\">This host stands by; the active host shows the recent runs.</p>";
        }
        try {
            return StatusPage.recent(state.get().runs().summaries(RECENT_RUNS));
        } catch (RuntimeException e) {
            LOG.warn("Status page: cannot read the recent runs: {}", e.getMessage());
            return "<p class=\"none\">Cannot read the state store: " + StatusPage.esc(e.getMessage()) + "</p>";
        }
    }

    private Optional<String> run(String runId) {
        Optional<StateStore> state = state();
        if (state.isEmpty()) {
            return Optional.of(StatusPage.notFound("This host stands by; the active host shows run " + runId + "."));
        }
        Optional<Runs.Run> run = state.get().runs().find(runId);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        List<DeadLetter> shown = state.get().deadLetters().first(runId, StatusPage.DEAD_LETTERS_SHOWN);
        return Optional.of(StatusPage.run(run.get(), state.get().runs().figures(runId), shown,
                state.get().deadLetters().count(runId)));
    }

    /** The state store, where this host may use it: active, or already holding it. */
    private Optional<StateStore> state() {
        return active.getAsBoolean() || runtime.stateOpen() ? Optional.of(runtime.state()) : Optional.empty();
    }
}
