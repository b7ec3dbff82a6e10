namespace AiPolicyBot.Hosting.Tests;

/// <summary>
/// The fixed loopback ports some host tests listen on (the Playground, the bot beside it, a fake connector).
/// AIPOLICYBOT_PLAYGROUND_PORT_BASE moves all of them into one block of 20 from that base, so runs side by side on
/// one machine keep to their own ranges; unset, they are the ports the tests always used.
/// </summary>
public static class TestPorts
{
    private static readonly int? Base =
        int.TryParse(Environment.GetEnvironmentVariable("AIPOLICYBOT_PLAYGROUND_PORT_BASE"), out var b) ? b : null;

    public static int SmokeBot => Base ?? 22010;
    public static int SmokePlayground => SmokeBot + 1;
    public static int Connector => Base + 2 ?? 29011;
    public static int MessageExtensionBot => Base + 10 ?? 29020;
    public static int MessageExtensionPlayground => MessageExtensionBot + 1;
}
