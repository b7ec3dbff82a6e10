using System.Diagnostics;
using System.Net.Http.Headers;
using AiPolicyBot.Fuzz;

// Seeded fuzzing of the local host (docs/security.md, "Fuzzing"). Usage:
//   dotnet tools/fuzz/AiPolicyBot.Fuzz/bin/Release/net10.0/AiPolicyBot.Fuzz.dll [--seed N] [--cases N] [--only I]
//       [--port P] [--out DIR] [--host path/to/AiPolicyBot.LocalHost.dll] [--mail-seconds S]
// Needs Azurite (AIPOLICYBOT_TEST_STORAGE or AZURITE_CONNECTION_STRING) and a Release build of the local host.
// Exits 1 when any case got a 5xx, hung, broke the connection, left a mail stuck in the drop folder, or the host
// stopped answering; the failing inputs are written to --out.
var seed = Arg("--seed", 19);
var cases = Arg("--cases", 10_000);
var only = Arg("--only", -1);
// The host and the connector sink take +15 and +16 of the test port block (AIPOLICYBOT_PLAYGROUND_PORT_BASE).
var port = Arg("--port", (int.TryParse(Environment.GetEnvironmentVariable("AIPOLICYBOT_PLAYGROUND_PORT_BASE"), out var b) ? b : 22010) + 15);
var root = FindRepositoryRoot();
var outDir = Path.GetFullPath(ArgText("--out", null) ?? Path.Combine(root, "artifacts", "fuzz"));
var storage = Environment.GetEnvironmentVariable("AIPOLICYBOT_TEST_STORAGE") ?? Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING")
    ?? throw new InvalidOperationException("Set AIPOLICYBOT_TEST_STORAGE to an Azurite connection string.");
var hostDll = Path.GetFullPath(ArgText("--host", null)
    ?? Path.Combine(root, "functions", "AiPolicyBot.LocalHost", "bin", "Release", "net10.0", "AiPolicyBot.LocalHost.dll"));

Directory.CreateDirectory(outDir);
var mailRoot = Path.Combine(outDir, "mail");
if (Directory.Exists(mailRoot)) Directory.Delete(mailRoot, recursive: true);
foreach (var old in Directory.EnumerateFiles(outDir, "failure-*.txt")) File.Delete(old);

var started = Stopwatch.StartNew();
const string AdminKey = "fuzz-admin-key";
const string ClientState = "fuzz-client-state-0123456789";
var prefix = $"fz{seed}x{Environment.ProcessId}";
await using var sink = new ConnectorSink(port + 1);
await using var host = await LocalHostProcess.StartAsync(hostDll, port, new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Development",
    ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    ["AzureWebJobsStorage"] = storage,
    ["Storage__TablePrefix"] = prefix,
    ["Storage__QueuePrefix"] = prefix + "-",
    ["LocalMail__Root"] = mailRoot,
    ["Admin__Key"] = AdminKey,
    ["GraphMail__ClientState"] = ClientState,
    ["Bot__AllowedTenantIds__0"] = Seeds.TenantId,
    ["Logging__LogLevel__Default"] = "Warning",
}, Path.Combine(outDir, "host.log"));

var startup = started.Elapsed;
var factory = new CaseFactory(seed, sink.BaseUrl, AdminKey, ClientState);
var results = new Tally();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8 }) { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
var clock = Stopwatch.StartNew();
var indexes = only >= 0 ? [only] : Enumerable.Range(0, cases).ToArray();
await Parallel.ForEachAsync(indexes, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (index, ct) =>
{
    var fuzz = factory.Create(index);
    if (fuzz.Target == "mail")
    {
        // Written with an old timestamp so the drop folder does not wait for it to settle.
        var file = Path.Combine(mailRoot, fuzz.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file + ".tmp", fuzz.Body, ct);
        File.SetLastWriteTimeUtc(file + ".tmp", DateTime.UtcNow.AddMinutes(-1));
        File.Move(file + ".tmp", file);
        results.Add(fuzz.Target, "dropped");
        return;
    }

    var watch = Stopwatch.StartNew();
    string outcome;
    try
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), fuzz.Path);
        if (fuzz.Method != "GET")
        {
            request.Content = fuzz.Chunked ? new StreamContent(new MemoryStream(fuzz.Body)) : new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
            if (fuzz.Chunked) request.Headers.TransferEncodingChunked = true;
            else request.Content.Headers.ContentLength = fuzz.Body.Length;
        }

        foreach (var (name, value) in fuzz.Headers) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await http.SendAsync(request, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        outcome = ((int)response.StatusCode).ToString();
    }
    catch (TaskCanceledException)
    {
        outcome = "timeout";
    }
    catch (HttpRequestException e)
    {
        outcome = "connection: " + (e.HttpRequestError.ToString());
    }

    results.Add(fuzz.Target, outcome, watch.Elapsed);
    if (!IsAcceptable(outcome)) await File.WriteAllTextAsync(Path.Combine(outDir, $"failure-{index:D6}.txt"), $"{outcome}\n{fuzz.Describe()}", ct);
});
var requestTime = clock.Elapsed;

// The drop folder: every file must leave inbox/ (triaged, unreadable or failed) while the host keeps answering.
var inbox = Path.Combine(mailRoot, "inbox");
var drainDeadline = DateTime.UtcNow.AddSeconds(Arg("--mail-seconds", 600));
while (Directory.Exists(inbox) && Directory.EnumerateFiles(inbox, "*.eml").Any() && DateTime.UtcNow < drainDeadline && host.Running)
{
    await Task.Delay(500);
}

var drain = clock.Elapsed - requestTime;
var stuck = Directory.Exists(inbox) ? Directory.EnumerateFiles(inbox, "*.eml").Count() : 0;
var triaged = Path.Combine(mailRoot, "triaged");
if (Directory.Exists(triaged))
{
    foreach (var folder in Directory.EnumerateDirectories(triaged))
    {
        var count = Directory.EnumerateFiles(folder, "*.eml", SearchOption.AllDirectories).Count();
        var name = "triaged/" + Path.GetFileName(folder);
        for (var i = 0; i < count; i++) results.Add("mail", name);
    }
}

for (var i = 0; i < stuck; i++) results.Add("mail", "stuck in inbox");

using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
var alive = host.Running && await host.HealthyAsync(probe);

Console.WriteLine($"AiPolicyBot fuzz: seed {seed}, {indexes.Length} cases; host start {startup.TotalSeconds:F1} s, requests "
    + $"{requestTime.TotalSeconds:F1} s, mail drained {drain.TotalSeconds:F1} s later; connector calls {sink.Calls}");
results.Print(Console.Out);
var failures = results.Failures();
Console.WriteLine($"Failures (5xx, hangs, broken connections, failed or stuck mail): {failures}");
Console.WriteLine($"Host after the run: {(alive ? "up (GET /api/health 200)" : "DOWN")}");
if (failures > 0) Console.WriteLine($"Failing inputs: {outDir}/failure-*.txt; host log: {outDir}/host.log");
return failures == 0 && alive ? 0 : 1;

static bool IsAcceptable(string outcome) => int.TryParse(outcome, out var status) && (status < 500 || status == 501);

int Arg(string name, int fallback) => int.TryParse(ArgText(name, null), out var v) ? v : fallback;

string? ArgText(string name, string? fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "AiPolicyBot.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException("Run from inside the repository (AiPolicyBot.sln not found above the tool).");
}
