/// The ops page's HTML, style and script, kept in the binary so the page works offline and
/// needs no files beside the executable.
///
/// The script signs in through the auth routes, keeps the token pair in `sessionStorage`
/// (see `OpsRoutes` for why), polls `GET /api/v1/ops/overview` every 3 seconds and writes
/// every value with `textContent`. `body[data-state]` is `signed-out`, `loading`, `ready`
/// or `error`, for people (the style) and for the browser test alike.
enum OpsPageMarkup {
    static let style = """
        :root { color-scheme: light; --fg: #1d2330; --muted: #5b6475; --line: #d9dee7; --bad: #b42318; --warn: #b54708; --ok: #067647; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.4 system-ui, "DejaVu Sans", sans-serif; color: var(--fg); background: #f6f7f9; }
        header { display: flex; align-items: center; gap: 16px; padding: 12px 24px; background: #1d2330; color: #fff; }
        header h1 { margin: 0; font-size: 18px; font-weight: 600; flex: 1; }
        #status { font-size: 13px; padding: 3px 10px; border-radius: 12px; background: #344054; }
        body[data-state="ready"] #status { background: var(--ok); }
        body[data-state="error"] #status { background: var(--bad); }
        #error { display: none; margin: 16px 24px 0; padding: 10px 14px; border: 1px solid var(--bad); border-radius: 6px; background: #fef3f2; color: var(--bad); }
        body[data-state="error"] #error { display: block; }
        main, #signin { padding: 8px 24px 24px; }
        section { margin-top: 16px; }
        h2 { font-size: 15px; margin: 0 0 6px; }
        table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
        th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-size: 12px; font-weight: 600; color: var(--muted); background: #eef1f5; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.zero { color: #a0a8b8; }
        td.message { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; color: var(--bad); word-break: break-word; }
        td.none { color: var(--muted); font-style: italic; }
        .paused { color: var(--warn); font-weight: 600; }
        .stale { color: var(--bad); font-weight: 600; }
        .id { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; }
        #signin form { display: grid; gap: 8px; max-width: 320px; margin-top: 16px; padding: 16px; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
        #signin input { padding: 6px 8px; font: inherit; }
        button { font: inherit; padding: 5px 12px; cursor: pointer; }
        [hidden] { display: none !important; }
        """

    static let script = #"""
        "use strict";
        const POLL_MS = 3000;
        const STATES = ["waiting", "scheduled", "queued", "running", "retrying", "dead", "succeeded", "cancelled"];
        const $ = (id) => document.getElementById(id);
        let timer = null;
        let lastGood = null;
        let twoFactorToken = null;

        function setState(state, status) {
          document.body.dataset.state = state;
          $("status").textContent = status;
        }

        function showError(message) {
          $("error").textContent = message;
          const when = lastGood ? " — showing data from " + lastGood.toLocaleTimeString() : "";
          setState("error", "Refresh failed at " + new Date().toLocaleTimeString() + when);
        }

        function tokens() {
          const access = sessionStorage.getItem("aips.ops.access");
          return access ? { access, refresh: sessionStorage.getItem("aips.ops.refresh") } : null;
        }

        function keep(pair) {
          sessionStorage.setItem("aips.ops.access", pair.access_token);
          sessionStorage.setItem("aips.ops.refresh", pair.refresh_token);
        }

        function forget() {
          sessionStorage.removeItem("aips.ops.access");
          sessionStorage.removeItem("aips.ops.refresh");
        }

        async function call(method, path, body, token) {
          const headers = { "Accept": "application/json" };
          if (body) headers["Content-Type"] = "application/json";
          if (token) headers["Authorization"] = "Bearer " + token;
          const abort = new AbortController();
          const limit = setTimeout(() => abort.abort(), 10000);
          try {
            const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined, cache: "no-store", credentials: "omit", signal: abort.signal });
            let json = null;
            try { json = await response.json(); } catch (_) { json = null; }
            return { status: response.status, json };
          } finally {
            clearTimeout(limit);
          }
        }

        function describe(reply) {
          const error = reply.json && reply.json.error;
          return error ? error.message + " (" + reply.status + " " + error.code + ")" : "HTTP " + reply.status;
        }

        function signedOut(message) {
          clearTimeout(timer);
          forget();
          twoFactorToken = null;
          $("dashboard").hidden = true;
          $("signout").hidden = true;
          $("signin").hidden = false;
          $("login-form").hidden = false;
          $("code-form").hidden = true;
          $("signin-error").textContent = message || "";
          setState("signed-out", "Signed out");
        }

        function signedIn() {
          $("signin").hidden = true;
          $("signout").hidden = false;
          setState("loading", "Loading…");
          refresh();
        }

        async function refresh() {
          clearTimeout(timer);
          let session = tokens();
          if (!session) return signedOut();
          try {
            let reply = await call("GET", "/api/v1/ops/overview", null, session.access);
            if (reply.status === 401 && session.refresh) {
              const renewed = await call("POST", "/api/v1/auth/refresh", { refresh_token: session.refresh });
              if (renewed.status !== 200) return signedOut("Your session ended: " + describe(renewed));
              keep(renewed.json.data);
              reply = await call("GET", "/api/v1/ops/overview", null, renewed.json.data.access_token);
            }
            if (reply.status === 401) return signedOut("Your session ended: " + describe(reply));
            if (reply.status === 403) {
              // Not an admin: no data will ever come, so stop asking.
              $("dashboard").hidden = true;
              return showError("This page is for admins only: " + describe(reply));
            }
            if (reply.status !== 200 || !reply.json || !reply.json.data) throw new Error(describe(reply));
            render(reply.json.data);
            lastGood = new Date();
            $("error").textContent = "";
            setState("ready", "Updated " + lastGood.toLocaleTimeString());
          } catch (error) {
            showError("Could not refresh: " + (error && error.message ? error.message : error));
          }
          timer = setTimeout(refresh, POLL_MS);
        }

        function cell(row, text, className) {
          const td = document.createElement("td");
          td.textContent = text === null || text === undefined ? "" : String(text);
          if (className) td.className = className;
          row.appendChild(td);
          return td;
        }

        function fill(tableID, items, columns, rowFor) {
          const body = $(tableID).tBodies[0];
          body.replaceChildren();
          if (items.length === 0) {
            const row = body.insertRow();
            cell(row, "None", "none").colSpan = columns;
            return;
          }
          for (const item of items) rowFor(body.insertRow(), item);
        }

        function time(iso) {
          return iso ? new Date(iso).toLocaleString() : "—";
        }

        function seconds(value) {
          return value < 60 ? value.toFixed(1) + " s" : Math.round(value / 60) + " min";
        }

        function render(data) {
          const generated = new Date(data.generated_at);
          $("generated").textContent = generated.toLocaleString();
          fill("queues", data.queues, STATES.length + 4, (row, queue) => {
            cell(row, queue.name, "id");
            cell(row, queue.paused ? "paused" : "active", queue.paused ? "paused" : "");
            for (const state of STATES) {
              const count = queue.counts[state] || 0;
              cell(row, count, count === 0 ? "num zero" : "num");
            }
            cell(row, queue.pending, "num");
            const limits = [];
            if (queue.concurrency_limit != null) limits.push("≤ " + queue.concurrency_limit + " running");
            if (queue.rate_limit != null) limits.push(queue.rate_limit + " starts / " + queue.rate_limit_period_seconds + " s");
            cell(row, limits.length ? limits.join(", ") : "none");
          });
          fill("workers", data.workers, 8, (row, worker) => {
            cell(row, worker.id, "id");
            cell(row, worker.host + " (pid " + worker.pid + ")");
            cell(row, worker.queues.join(", "));
            cell(row, worker.busy + " / " + worker.concurrency, "num");
            cell(row, worker.processed, "num");
            const jobs = worker.running_jobs.map((job) => job.type + " " + job.id + " (attempt " + job.attempt + ")");
            cell(row, jobs.length ? jobs.join(", ") : "idle", "id");
            // Three missed heartbeats and the directory forgets a worker; flag it well before.
            cell(row, seconds(worker.heartbeat_age_seconds) + " ago", worker.heartbeat_age_seconds > 30 ? "stale" : "");
            cell(row, worker.draining ? "draining" : "running", worker.draining ? "paused" : "");
          });
          const failure = (withNext) => (row, job) => {
            cell(row, time(job.failed_at));
            cell(row, job.queue, "id");
            cell(row, job.type);
            cell(row, job.id, "id");
            cell(row, job.attempt + " / " + job.max_attempts, "num");
            cell(row, job.error_kind);
            cell(row, job.error_message, "message");
            if (withNext) cell(row, time(job.next_attempt_at));
          };
          fill("failing", data.failing, 8, failure(true));
          fill("dead", data.dead, 7, failure(false));
          $("dashboard").hidden = false;
        }

        $("login-form").addEventListener("submit", async (event) => {
          event.preventDefault();
          $("signin-error").textContent = "";
          const reply = await call("POST", "/api/v1/auth/login", { email: $("email").value, password: $("password").value });
          $("password").value = "";
          if (reply.status !== 200) return ($("signin-error").textContent = "Sign-in failed: " + describe(reply));
          if (reply.json.data.two_factor_required) {
            twoFactorToken = reply.json.data.two_factor_token;
            $("login-form").hidden = true;
            $("code-form").hidden = false;
            return $("code").focus();
          }
          keep(reply.json.data);
          signedIn();
        });

        $("code-form").addEventListener("submit", async (event) => {
          event.preventDefault();
          const reply = await call("POST", "/api/v1/auth/2fa/verify", { two_factor_token: twoFactorToken, code: $("code").value.trim() });
          $("code").value = "";
          if (reply.status !== 200) return ($("signin-error").textContent = "Sign-in failed: " + describe(reply));
          keep(reply.json.data);
          signedIn();
        });

        $("signout").addEventListener("click", async () => {
          const session = tokens();
          // Ends the session on the server too, so the token pair is worthless if it leaked.
          if (session) await call("POST", "/api/v1/auth/logout", null, session.access).catch(() => null);
          signedOut("Signed out.");
        });

        if (tokens()) signedIn(); else signedOut();
        """#

    static let document = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <link rel="icon" href="data:,">
        <title>AI Pro Sports · Ops</title>
        <style>\(style)</style>
        </head>
        <body data-state="loading">
        <header>
          <h1>AI Pro Sports · Ops</h1>
          <span id="status" role="status">Loading…</span>
          <button id="signout" type="button" hidden>Sign out</button>
        </header>
        <div id="error" role="alert"></div>
        <div id="signin" hidden>
          <form id="login-form" method="post" autocomplete="on">
            <strong>Admin sign-in</strong>
            <label>Email <input id="email" type="email" autocomplete="username" required></label>
            <label>Password <input id="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button>
          </form>
          <form id="code-form" method="post" hidden>
            <strong>Two-factor code</strong>
            <label>Code <input id="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required></label>
            <button type="submit">Verify</button>
          </form>
          <p id="signin-error" role="alert"></p>
        </div>
        <main id="dashboard" hidden>
          <p>Read-only view of the job queue, refreshed every 3 seconds. Data generated at <span id="generated"></span> (server time).</p>
          <section>
            <h2>Queues</h2>
            <table id="queues">
              <thead><tr><th>Queue</th><th>State</th><th class="num">waiting</th><th class="num">scheduled</th><th class="num">queued</th><th class="num">running</th><th class="num">retrying</th><th class="num">dead</th><th class="num">succeeded</th><th class="num">cancelled</th><th class="num">pending</th><th>Limits</th></tr></thead>
              <tbody></tbody>
            </table>
          </section>
          <section>
            <h2>Workers</h2>
            <table id="workers">
              <thead><tr><th>Worker</th><th>Host</th><th>Queues</th><th class="num">Busy</th><th class="num">Processed</th><th>Running jobs</th><th>Last heartbeat</th><th>State</th></tr></thead>
              <tbody></tbody>
            </table>
          </section>
          <section>
            <h2>Failing jobs (retrying)</h2>
            <table id="failing">
              <thead><tr><th>Failed</th><th>Queue</th><th>Type</th><th>Job</th><th class="num">Attempt</th><th>Error</th><th>Message</th><th>Next attempt</th></tr></thead>
              <tbody></tbody>
            </table>
          </section>
          <section>
            <h2>Dead jobs</h2>
            <table id="dead">
              <thead><tr><th>Died</th><th>Queue</th><th>Type</th><th>Job</th><th class="num">Attempt</th><th>Error</th><th>Message</th></tr></thead>
              <tbody></tbody>
            </table>
          </section>
        </main>
        <script>\(script)</script>
        </body>
        </html>
        """
}
