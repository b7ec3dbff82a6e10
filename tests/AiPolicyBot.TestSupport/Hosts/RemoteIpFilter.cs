using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace AiPolicyBot.Testing.Hosts;

/// <summary>
/// Gives a request in an in-memory host (TestServer sets no remote address) the caller's address: the one named in
/// <see cref="Header"/>, else loopback, as the local host's loopback-only routes expect.
/// </summary>
public sealed class RemoteIpFilter : IStartupFilter
{
    public const string Header = "x-test-remote-ip";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext ctx, RequestDelegate nextMiddleware) =>
        {
            ctx.Connection.RemoteIpAddress = IPAddress.Parse(ctx.Request.Headers[Header].FirstOrDefault() ?? "127.0.0.1");
            return nextMiddleware(ctx);
        });
        next(app);
    };
}
