using System.Collections.Concurrent;
using AiPolicyBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AiPolicyBot.Teams.Tests.Support;

/// <summary>
/// A fake Bot Connector on loopback: answers with scripted responses in order (then 201 {"id":"ok"}) and records
/// every request (method, raw target, Authorization, body, time).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();

    private FakeConnector(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public sealed record Recorded(string Method, string RawTarget, string? Authorization, string Body, DateTimeOffset At);

    public void Then(int status, string? body = null, IDictionary<string, string>? headers = null) =>
        _script.Enqueue(async ctx =>
        {
            ctx.Response.StatusCode = status;
            foreach (var (k, v) in headers ?? new Dictionary<string, string>())
            {
                ctx.Response.Headers[k] = v;
            }

            if (body is not null)
            {
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync(body);
            }
        });

    public static async Task<FakeConnector> StartAsync()
    {
        var app = LoopbackApp.Create();
        var fake = new FakeConnector(app);
        app.Run(async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            fake.Requests.Enqueue(new Recorded(ctx.Request.Method, ctx.Features.Get<IHttpRequestFeature>()!.RawTarget,
                ctx.Request.Headers.Authorization.FirstOrDefault(), body, DateTimeOffset.UtcNow));
            if (fake._script.TryDequeue(out var respond))
            {
                await respond(ctx);
            }
            else
            {
                ctx.Response.StatusCode = 201;
                await ctx.Response.WriteAsJsonAsync(new { id = "ok" });
            }
        });
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First().TrimEnd('/');
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>Hands out "token-1", then "token-2" after a forced refresh; counts calls.</summary>
public sealed class CountingTokenProvider : AiPolicyBot.Teams.Protocol.Connector.IConnectorTokenProvider
{
    private int _generation = 1;
    public int Calls;
    public int ForcedRefreshes;

    public Task<string> GetTokenAsync(bool forceRefresh, CancellationToken ct)
    {
        Interlocked.Increment(ref Calls);
        if (forceRefresh)
        {
            Interlocked.Increment(ref ForcedRefreshes);
            Interlocked.Increment(ref _generation);
        }

        return Task.FromResult($"token-{_generation}");
    }
}
