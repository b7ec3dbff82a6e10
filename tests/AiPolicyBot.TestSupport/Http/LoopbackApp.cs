using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Testing.Http;

/// <summary>The base of every fake server: a minimal API on 127.0.0.1 with logging off.</summary>
public static class LoopbackApp
{
    /// <summary>
    /// An app to map the fake's routes on, listening on <paramref name="port"/> (0: one the OS picks; after StartAsync
    /// the address is in <c>app.Urls</c>).
    /// </summary>
    public static WebApplication Create(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        return builder.Build();
    }
}
