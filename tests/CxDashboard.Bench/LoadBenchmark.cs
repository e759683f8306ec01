using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Bench;

/// <summary>
/// Many signed-in users at once: the web app started for real (its own process, Kestrel, a SQLite file of the demo or the
/// reference load), managers of all teams, managers limited to their teams, leadership and agents signed in over HTTP with
/// their antiforgery tokens, and a mix of dashboard (presets, custom periods, team/agent/channel/reason filters),
/// callback worklist, coaching and API requests replayed at several concurrency levels. Prints requests/s, latency
/// percentiles, errors and the server's peak working set per level. Afterwards every distinct request is asked of a
/// second server on the same database with the dashboard cache off, and each timed answer must equal it.
/// </summary>
public sealed partial class LoadBenchmark : IBenchmark
{
    public string Name => "load";
    public string Usage => "[--load demo|reference] [--db FILE (reuse)] [--concurrency 1,5,20,50] [--requests 500] [--long-run 10000 (at 20 concurrent)] [--distinct 300] [--work-dir DIR] [--no-verify] [--no-cache]";

    private const string Password = "Bench!2026x";

    public async Task<int> RunAsync(BenchArguments arguments, TextWriter output)
    {
        var load = arguments.Value("--load") ?? "demo";
        if (load is not ("demo" or "reference")) throw new BenchArgumentException($"--load: '{load}' is not demo or reference");
        var directory = arguments.Value("--work-dir") ?? Path.Combine(Path.GetTempPath(), "cxdashboard-bench");
        Directory.CreateDirectory(directory);
        var databaseFile = Path.GetFullPath(arguments.Value("--db") ?? Path.Combine(directory, load == "demo" ? "demo-load.db" : "reference-load.db"));
        var levels = (arguments.Value("--concurrency") ?? "1,5,20,50").Split(',')
            .Select(t => int.TryParse(t, out var n) && n is > 0 and <= 500 ? n : throw new BenchArgumentException($"--concurrency: '{t}' is not 1–500")).ToList();
        var requestsPerLevel = (int)arguments.Long("--requests", 500);
        var longRun = (int)arguments.Long("--long-run", 0);
        var distinct = (int)arguments.Long("--distinct", 300);

        var (accounts, apiKey, facts) = await PrepareDatabaseAsync(load, databaseFile, directory, output);
        var plan = RequestPlan.Build(accounts, facts, distinct, seed: 2026);
        output.WriteLine($"Load '{load}': {facts.Contacts:N0} contacts in {databaseFile} ({new FileInfo(databaseFile).Length / 1024.0 / 1024.0:N0} MB); " +
                         $"{accounts.Count} signed-in users ({string.Join(", ", accounts.GroupBy(a => a.Kind).Select(g => $"{g.Count()} {g.Key}"))}), API key; " +
                         $"{plan.Count} distinct requests ({plan.Describe()}); {Environment.ProcessorCount} cores, .NET {Environment.Version}.");

        var cacheSettings = arguments.Flag("--no-cache") ? new Dictionary<string, string> { [CacheSwitch] = "false" } : [];
        var observed = new ConcurrentDictionary<int, ConcurrentDictionary<string, byte>>();
        await using var server = await AppServer.StartAsync(databaseFile, cacheSettings, output);
        var clients = await SignInAllAsync(server, accounts, apiKey);
        try
        {
            // Warm-up: JIT, Razor, EF's query cache, the connection pool; a server that has been running a while is warm.
            await RunLevelAsync(server, clients, plan, concurrency: 4, Math.Min(plan.Count, 300), observed: null, output, label: null);
            output.WriteLine($"{"concurrent",10} {"requests",8} {"req/s",7} {"p50 ms",7} {"p95 ms",7} {"p99 ms",7} {"max ms",7} {"errors",6} {"peak MB",7}  load average (1/5/15 min) at start → end");
            foreach (var concurrency in levels)
                await RunLevelAsync(server, clients, plan, concurrency, requestsPerLevel, observed, output, label: concurrency.ToString(CultureInfo.InvariantCulture));
            if (longRun > 0)
            {
                output.WriteLine($"Memory over {longRun:N0} requests at 20 concurrent (working set after each tenth):");
                await RunLevelAsync(server, clients, plan, 20, longRun, observed, output, label: "20 (long)", memoryEveryTenth: true);
            }
            if (arguments.Flag("--no-verify")) return 0;
            return await VerifyAsync(databaseFile, clients, accounts, apiKey, plan, observed, output);
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    /// <summary>The setting that turns the dashboard's cache off, for the answers the timed ones are compared with.</summary>
    public const string CacheSwitch = "Dashboard__Cache__Enabled";

    private sealed record Facts(long Contacts, IReadOnlyList<int> TeamIds, IReadOnlyList<int> AgentIds, IReadOnlyList<int> ReasonIds, IReadOnlyList<string> AgentCodes, IReadOnlyList<string> ReasonCodes);

    public enum AccountKind { Manager, TeamManager, Leadership, Agent }

    public sealed record Account(string Email, AccountKind Kind, IReadOnlyList<int> Teams, int? AgentId);

    private static async Task<(List<Account> Accounts, string ApiKey, Facts Facts)> PrepareDatabaseAsync(string load, string databaseFile, string directory, TextWriter output)
    {
        BenchDatabase database;
        if (File.Exists(databaseFile)) database = await BenchDatabase.OpenAsync(databaseFile);
        else if (load == "demo")
        {
            var stopwatch = Stopwatch.StartNew();
            database = await BenchDatabase.CreateAsync(databaseFile);
            await database.WithScopeAsync(async sp => { await sp.GetRequiredService<DemoSeeder>().SeedAsync(); return 0; });
            output.WriteLine($"Seeded the demo organisation in {stopwatch.Elapsed.TotalSeconds:0} s.");
        }
        else database = await DashboardBenchmark.BuildReferenceLoadAsync(() => BenchDatabase.CreateAsync(databaseFile), directory,
            DashboardBenchmark.ReferenceLoadLastDay(), teams: 25, agents: 250, output);

        using (database)
        {
            return await database.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<CxDbContext>();
                var teams = await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
                var agents = await db.Agents.OrderBy(a => a.Id).Select(a => new { a.Id, a.ExternalId, a.UserId, a.TeamId }).ToListAsync();
                var reasons = await db.ContactReasons.OrderBy(r => r.Id).Select(r => new { r.Id, r.Code }).ToListAsync();
                var admin = sp.GetRequiredService<UserAdminService>();
                await admin.EnsureRolesAsync();

                var accounts = new List<Account>();
                async Task<string> EnsureAsync(string email, string role, IReadOnlyList<int> userTeams)
                {
                    var existing = await db.Users.FirstOrDefaultAsync(u => u.Email == email);
                    if (existing is not null) return existing.Id;
                    var created = await admin.CreateAsync(email, Password, email, [role], userTeams);
                    return created.User?.Id ?? throw new InvalidOperationException($"{email}: {string.Join("; ", created.Errors)}");
                }
                for (var i = 0; i < 6; i++)
                {
                    var email = $"bench-manager-{i}@bench.local";
                    await EnsureAsync(email, Roles.Manager, []);
                    accounts.Add(new Account(email, AccountKind.Manager, [], null));
                }
                for (var i = 0; i < 6; i++)
                {
                    // Each limited to one or two teams, as team leads are.
                    var userTeams = teams.Skip(i % teams.Count).Take(1 + i % 2).ToList();
                    var email = $"bench-teamlead-{i}@bench.local";
                    await EnsureAsync(email, Roles.Manager, userTeams);
                    accounts.Add(new Account(email, AccountKind.TeamManager, userTeams, null));
                }
                for (var i = 0; i < 2; i++)
                {
                    var email = $"bench-leader-{i}@bench.local";
                    await EnsureAsync(email, Roles.Leadership, []);
                    accounts.Add(new Account(email, AccountKind.Leadership, [], null));
                }
                var freeAgents = agents.Where(a => a.TeamId is not null).ToList();
                for (var i = 0; i < 6; i++)
                {
                    var email = $"bench-agent-{i}@bench.local";
                    var userId = await EnsureAsync(email, Roles.Agent, []);
                    var agent = agents.FirstOrDefault(a => a.UserId == userId) ?? freeAgents.First(a => a.UserId is null);
                    if (agent.UserId != userId) await db.Agents.Where(a => a.Id == agent.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, userId));
                    freeAgents.Remove(agent);
                    accounts.Add(new Account(email, AccountKind.Agent, [], agent.Id));
                }
                var key = await sp.GetRequiredService<ApiKeyService>().CreateAsync("load benchmark", ApiKeyScope.Read);
                var facts = new Facts(await db.Contacts.LongCountAsync(), teams, agents.Select(a => a.Id).ToList(), reasons.Select(r => r.Id).ToList(),
                    agents.Select(a => a.ExternalId).ToList(), reasons.Select(r => r.Code).ToList());
                return (accounts, key.Secret, facts);
            });
        }
    }

    /// <summary>One request of the mix: who asks (an account, or the API key when null) and what.</summary>
    public sealed record PlannedRequest(int Id, int? Account, string Path, string Kind);

    private sealed class RequestPlan
    {
        private readonly List<PlannedRequest> _requests;
        private readonly List<double> _weights;
        private RequestPlan(List<PlannedRequest> requests, List<double> weights) => (_requests, _weights) = (requests, weights);

        public int Count => _requests.Count;
        public PlannedRequest this[int index] => _requests[index];

        public string Describe() => string.Join(", ", _requests.GroupBy(r => r.Kind).Select(g => $"{g.Key} {100.0 * g.Sum(r => _weights[r.Id]) / _weights.Sum():0} %"));

        /// <summary>The i-th request of a run: drawn from the distinct requests by their weights (a fixed sequence).</summary>
        public PlannedRequest Pick(Random random)
        {
            var x = random.NextDouble() * _total;
            var index = _cumulative.BinarySearch(x);
            return _requests[Math.Min(_requests.Count - 1, index < 0 ? ~index : index)];
        }

        private List<double> _cumulative = [];
        private double _total;

        public static RequestPlan Build(IReadOnlyList<Account> accounts, Facts facts, int distinct, int seed)
        {
            var random = new Random(seed);
            string[] presets = [PeriodPresets.Last7Days, PeriodPresets.Last30Days, PeriodPresets.Last90Days, PeriodPresets.ThisMonth, PeriodPresets.LastMonth, PeriodPresets.YearToDate, PeriodPresets.Last12Months];
            var requests = new List<PlannedRequest>();
            var weights = new List<double>();
            var seen = new HashSet<(int?, string)>();
            var lastDay = DashboardBenchmark.ReferenceLoadLastDay();
            for (var attempt = 0; requests.Count < distinct && attempt < distinct * 20; attempt++)
            {
                var accountIndex = random.Next(accounts.Count);
                var account = accounts[accountIndex];
                var roll = random.NextDouble();
                string kind, path;
                double weight;
                if (roll < 0.10)
                {
                    // The API, with its key: a month or a quarter, sometimes one team, channel or reason.
                    var from = lastDay.AddDays(-random.Next(0, 300));
                    var query = $"/api/v1/kpis?from={from:yyyy-MM-dd}&to={from.AddDays(random.Next(0, 2) == 0 ? 30 : 90):yyyy-MM-dd}";
                    if (random.NextDouble() < 0.3) query += $"&channel={Channels.All[random.Next(Channels.All.Count)].Code()}";
                    if (random.NextDouble() < 0.3) query += $"&reason={Uri.EscapeDataString(facts.ReasonCodes[random.Next(facts.ReasonCodes.Count)])}";
                    (kind, path, weight, accountIndex) = ("api", query, 1, -1);
                }
                else if (roll < 0.18 && account.Kind is AccountKind.Manager or AccountKind.TeamManager)
                    (kind, path, weight) = ("callbacks", "/Callbacks", 1);
                else if (roll < 0.28 && account.Kind is AccountKind.Manager or AccountKind.TeamManager)
                {
                    var teamPage = account.Kind == AccountKind.TeamManager ? account.Teams[random.Next(account.Teams.Count)]
                        : random.NextDouble() < 0.5 ? facts.TeamIds[random.Next(facts.TeamIds.Count)] : (int?)null;
                    (kind, path, weight) = ("coaching", teamPage is null ? "/Coaching" : $"/Coaching/Team/{teamPage}", 1);
                }
                else
                {
                    var parts = new List<string>();
                    // Most people open the default view or a common preset; a few pick their own dates.
                    if (random.NextDouble() < 0.1)
                    {
                        var from = lastDay.AddDays(-random.Next(10, 300));
                        parts.Add($"period=custom&from={from:yyyy-MM-dd}&to={from.AddDays(random.Next(6, 60)):yyyy-MM-dd}");
                    }
                    else if (random.NextDouble() < 0.8) parts.Add($"period={presets[random.Next(presets.Length)]}");
                    if (account.Kind != AccountKind.Agent)
                    {
                        var teams = account.Kind == AccountKind.TeamManager ? account.Teams : facts.TeamIds;
                        if (random.NextDouble() < 0.3) parts.Add($"team={teams[random.Next(teams.Count)]}");
                    }
                    if (random.NextDouble() < 0.2) parts.Add($"channel={Channels.All[random.Next(Channels.All.Count)].Code()}");
                    if (random.NextDouble() < 0.2) parts.Add($"reason={facts.ReasonIds[random.Next(facts.ReasonIds.Count)]}");
                    // The default view and the bare presets are what most people open: they weigh more.
                    weight = parts.Count <= 1 ? 4 : 1;
                    (kind, path) = ("dashboard", parts.Count == 0 ? "/" : "/?" + string.Join("&", parts));
                }
                int? who = accountIndex < 0 ? null : accountIndex;
                if (!seen.Add((who, path))) continue;
                requests.Add(new PlannedRequest(requests.Count, who, path, kind));
                weights.Add(weight);
            }
            var plan = new RequestPlan(requests, weights);
            var total = 0.0;
            foreach (var w in weights) plan._cumulative.Add(total += w);
            plan._total = total;
            return plan;
        }
    }

    /// <summary>A signed-in browser per account (its cookies), and the API client (its key) last.</summary>
    private static async Task<List<HttpClient>> SignInAllAsync(AppServer server, IReadOnlyList<Account> accounts, string apiKey)
    {
        var clients = new List<HttpClient>();
        foreach (var account in accounts) clients.Add(await SignInAsync(server.BaseAddress, account.Email));
        var api = NewClient(server.BaseAddress, new CookieContainer());
        api.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
        clients.Add(api);
        return clients;
    }

    private static HttpClient NewClient(Uri baseAddress, CookieContainer cookies) =>
        new(new SocketsHttpHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 100,
            AutomaticDecompression = DecompressionMethods.All,
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60), DefaultRequestHeaders = { { "Accept-Language", "sv-SE" } } };

    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string email)
    {
        var client = NewClient(baseAddress, new CookieContainer());
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in form has no antiforgery token.");
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in {email} answered {(int)response.StatusCode}, not a redirect.");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private static HttpClient ClientFor(List<HttpClient> clients, PlannedRequest request) => request.Account is { } a ? clients[a] : clients[^1];

    private static async Task RunLevelAsync(AppServer server, List<HttpClient> clients, RequestPlan plan, int concurrency, int count,
        ConcurrentDictionary<int, ConcurrentDictionary<string, byte>>? observed, TextWriter output, string? label, bool memoryEveryTenth = false)
    {
        // The same sequence at every level, so levels differ only in concurrency.
        var random = new Random(42);
        var sequence = Enumerable.Range(0, count).Select(_ => plan.Pick(random)).ToArray();
        var times = new double[count];
        var errors = 0;
        var firstError = (string?)null;
        var next = -1;
        var loadBefore = ImportBenchmark.LoadAverage();
        var tenths = new List<long>();
        using var memory = ProcessMemorySampler.Start(server.ProcessId);
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var request = sequence[index];
                var stopwatch = Stopwatch.StartNew();
                try
                {
                    using var response = await ClientFor(clients, request).GetAsync(request.Path);
                    var body = await response.Content.ReadAsStringAsync();
                    times[index] = stopwatch.Elapsed.TotalMilliseconds;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                        firstError ??= $"{(int)response.StatusCode} {request.Path} ({request.Kind})";
                    }
                    else observed?.GetOrAdd(request.Id, _ => new()).TryAdd(Answer.Normalise(body), 0);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    times[index] = stopwatch.Elapsed.TotalMilliseconds;
                    Interlocked.Increment(ref errors);
                    firstError ??= $"{e.GetType().Name} {request.Path}: {e.Message}";
                }
                if (memoryEveryTenth && (index + 1) % (count / 10) == 0) lock (tenths) tenths.Add(memory.Current());
            }
        })).ToArray();
        await Task.WhenAll(workers);
        wall.Stop();
        memory.Dispose();
        if (label is null) return;
        var sorted = times.Order().ToArray();
        double Percentile(double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,10} {count,8} {count / wall.Elapsed.TotalSeconds,7:0.0} {Percentile(0.5),7:0} {Percentile(0.95),7:0} {Percentile(0.99),7:0} {sorted[^1],7:0} {errors,6} {memory.PeakBytes / 1024 / 1024,7:N0}  {loadBefore} → {ImportBenchmark.LoadAverage()}"));
        if (firstError is not null) output.WriteLine($"           first error: {firstError}");
        if (memoryEveryTenth) output.WriteLine($"           working set MB: {string.Join(" ", tenths.Select(b => (b / 1024 / 1024).ToString(CultureInfo.InvariantCulture)))}");
        foreach (var kind in sequence.Select((r, i) => (r.Kind, Ms: times[i])).GroupBy(x => x.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var kindTimes = kind.Select(x => x.Ms).Order().ToArray();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"           {kind.Key,-10} {kindTimes.Length,6} requests: p50 {kindTimes[kindTimes.Length / 2]:0} ms, p95 {kindTimes[(int)Math.Min(kindTimes.Length - 1, Math.Ceiling(0.95 * kindTimes.Length) - 1)]:0} ms"));
        }
    }

    /// <summary>
    /// Every distinct request that was timed, asked again of a second server on the same database with the dashboard
    /// cache off: each answer the timed run got must be this one. Some pages depend on the clock as well as on the data
    /// (contacts become FCR-decidable as time passes, callback ages grow): when a timed answer differs, the request is
    /// asked of both servers at the same moment, and only a difference there is a mismatch.
    /// </summary>
    private static async Task<int> VerifyAsync(string databaseFile, List<HttpClient> cachedClients, IReadOnlyList<Account> accounts, string apiKey,
        RequestPlan plan, ConcurrentDictionary<int, ConcurrentDictionary<string, byte>> observed, TextWriter output)
    {
        await using var server = await AppServer.StartAsync(databaseFile, new Dictionary<string, string> { [CacheSwitch] = "false" }, output);
        var clients = await SignInAllAsync(server, accounts, apiKey);
        var mismatches = 0;
        var movedWithTime = 0;
        var answers = 0;
        async Task<(HttpStatusCode Status, string Answer)> AskAsync(HttpClient client, PlannedRequest request)
        {
            using var response = await client.GetAsync(request.Path);
            return (response.StatusCode, Answer.Normalise(await response.Content.ReadAsStringAsync()));
        }
        foreach (var (id, seen) in observed.OrderBy(kv => kv.Key))
        {
            var request = plan[id];
            var (status, expected) = await AskAsync(ClientFor(clients, request), request);
            answers += seen.Count;
            var wrong = seen.Keys.FirstOrDefault(a => a != expected);
            if (status == HttpStatusCode.OK && wrong is null) continue;
            // Both at the same moment (twice, in case a second boundary falls between the two).
            var agreeNow = false;
            for (var attempt = 0; attempt < 2 && !agreeNow; attempt++)
            {
                var both = await Task.WhenAll(AskAsync(ClientFor(cachedClients, request), request), AskAsync(ClientFor(clients, request), request));
                agreeNow = both[0].Status == HttpStatusCode.OK && both[1].Status == HttpStatusCode.OK && both[0].Answer == both[1].Answer;
                (wrong, expected) = (both[0].Answer, both[1].Answer);
            }
            if (agreeNow)
            {
                movedWithTime++;
                continue;
            }
            if (mismatches++ < 3)
                output.WriteLine($"  MISMATCH {request.Kind} {request.Path} ({(request.Account is { } a ? accounts[a].Email : "API key")}): {(int)status}; {Answer.FirstDifference(wrong ?? "", expected)}");
        }
        foreach (var client in clients) client.Dispose();
        output.WriteLine(mismatches == 0
            ? $"Verified: the {observed.Count} distinct requests timed ({answers} distinct answers) equal the answers of a server with the dashboard cache off" +
              (movedWithTime > 0 ? $" ({movedWithTime} changed with the clock since they were timed, and agree when asked of both at once)." : ".")
            : $"NOT VERIFIED: {mismatches} of {observed.Count} distinct requests answered differently than with the dashboard cache off.");
        return mismatches == 0 ? 0 : 1;
    }

    /// <summary>What a response says, without what differs on every response (CSP nonces, antiforgery tokens, SVG clip-path ids, the API's as-of time).</summary>
    private static partial class Answer
    {
        public static string Normalise(string body)
        {
            var start = body.IndexOf("<main", StringComparison.Ordinal);
            var end = body.IndexOf("</main>", StringComparison.Ordinal);
            var text = start >= 0 && end > start ? body[start..end] : body;
            text = Nonce().Replace(text, "nonce=\"\"");
            text = Token().Replace(text, "$1\"\"");
            // The charts' SVG clip paths are numbered by a counter of the process, not by what they show.
            text = ClipPathId().Replace(text, "cl_");
            return AsOf().Replace(text, "\"asOf\":\"\"");
        }

        public static string FirstDifference(string actual, string expected)
        {
            var i = 0;
            while (i < actual.Length && i < expected.Length && actual[i] == expected[i]) i++;
            string Around(string s) => s.Substring(Math.Max(0, i - 80), Math.Min(s.Length - Math.Max(0, i - 80), 200)).ReplaceLineEndings(" ");
            return $"at {i}: timed «{Around(actual)}» vs uncached «{Around(expected)}»";
        }

        [GeneratedRegex("nonce=\"[^\"]*\"")]
        private static partial Regex Nonce();

        [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=)\"[^\"]*\"")]
        private static partial Regex Token();

        [GeneratedRegex("cl_[0-9a-f]+")]
        private static partial Regex ClipPathId();

        [GeneratedRegex("\"asOf\":\"[^\"]*\"")]
        private static partial Regex AsOf();
    }

    /// <summary>The web app in its own process (the build next to this benchmark's), on a free local port.</summary>
    private sealed class AppServer : IAsyncDisposable
    {
        private readonly Process _process;
        private AppServer(Process process, Uri baseAddress) => (_process, BaseAddress) = (process, baseAddress);

        public Uri BaseAddress { get; }
        public int ProcessId => _process.Id;

        public static async Task<AppServer> StartAsync(string databaseFile, IReadOnlyDictionary<string, string> settings, TextWriter output)
        {
            var app = WebAppDirectory();
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }
            var start = new ProcessStartInfo("dotnet", [Path.Combine(app, "CxDashboard.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = app,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Database__Provider"] = "Sqlite",
                    ["ConnectionStrings__Cx"] = $"Data Source={databaseFile}",
                    ["Demo__SeedOnStart"] = "false",
                    // The benchmark's API key asks far more than a client may per minute.
                    ["Api__RateLimit__PermitsPerMinute"] = "1000000",
                    ["Logging__LogLevel__Default"] = "Warning",
                },
            };
            foreach (var (key, value) in settings) start.Environment[key] = value;
            var process = Process.Start(start) ?? throw new InvalidOperationException("The web app did not start.");
            var log = new StringWriter();
            process.OutputDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new AppServer(process, new Uri($"http://127.0.0.1:{port}"));
            using var probeClient = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var started = Stopwatch.StartNew();
            while (started.Elapsed < TimeSpan.FromMinutes(2))
            {
                if (process.HasExited) throw new InvalidOperationException($"The web app exited ({process.ExitCode}):{Environment.NewLine}{log}");
                try
                {
                    using var response = await probeClient.GetAsync("/health");
                    if (response.IsSuccessStatusCode)
                    {
                        output.WriteLine($"Server {server.BaseAddress} (pid {process.Id}{string.Concat(settings.Select(s => $", {s.Key}={s.Value}"))}) ready in {started.Elapsed.TotalSeconds:0.0} s.");
                        return server;
                    }
                }
                catch (HttpRequestException) { }
                await Task.Delay(100);
            }
            await server.DisposeAsync();
            throw new InvalidOperationException($"The web app did not answer /health within 2 minutes:{Environment.NewLine}{log}");
        }

        /// <summary>The web app's build output of the same configuration as this benchmark (built with it as a project reference).</summary>
        private static string WebAppDirectory()
        {
            var bench = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = bench.Name;
            var configuration = bench.Parent!.Name;
            for (var directory = bench; directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "src", "CxDashboard.Web", "bin", configuration, framework);
                if (File.Exists(Path.Combine(candidate, "CxDashboard.Web.dll"))) return candidate;
            }
            throw new InvalidOperationException($"No build of the web app found (src/CxDashboard.Web/bin/{configuration}/{framework}).");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }
}
