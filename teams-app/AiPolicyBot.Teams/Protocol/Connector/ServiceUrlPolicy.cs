using AiPolicyBot.Teams.Protocol.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Protocol.Connector;

/// <summary>
/// Where outbound connector calls may go (docs/teams-channel.md, defence in depth): https hosts on the allow-list
/// (Bot Framework and Teams hosts by default), plus loopback in Development only. Matters most for proactive sends
/// from stored URLs. In local-development mode nothing is sent to loopback with a token: the Playground needs none.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<BotOptions> options, IHostEnvironment environment, LocalDevelopmentMode localMode)
{
    // The allow-list is read and split once, not per call.
    private readonly string[] _hosts = [.. options.Value.AllServiceUrlHosts()];
    private readonly bool _development = environment.IsDevelopment();

    public bool IsAllowed(Uri serviceUrl)
    {
        if (LocalDevelopmentMode.IsLoopbackHost(serviceUrl.Host))
        {
            return _development && (serviceUrl.Scheme == Uri.UriSchemeHttp || serviceUrl.Scheme == Uri.UriSchemeHttps);
        }

        return serviceUrl.Scheme == Uri.UriSchemeHttps && _hosts.Any(pattern => HostMatches(serviceUrl.Host, pattern));
    }

    /// <summary>False only for loopback in local-development mode (the unauthenticated Playground).</summary>
    public bool SendsToken(Uri serviceUrl) => !(localMode.Enabled && LocalDevelopmentMode.IsLoopbackHost(serviceUrl.Host));

    private static bool HostMatches(string host, string pattern) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);
}
