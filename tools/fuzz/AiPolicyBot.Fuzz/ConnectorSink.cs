using System.Net;
using System.Text;

namespace AiPolicyBot.Fuzz;

/// <summary>
/// Stands in for the Teams connector on loopback: every send, reply or update succeeds, except a URL longer than
/// Teams' front end takes (414), which is how a 70,000-character activity id used to fail the turn.
/// </summary>
public sealed class ConnectorSink : IAsyncDisposable
{
    public const int MaxUrlLength = 8192;
    private static readonly byte[] Created = Encoding.UTF8.GetBytes("""{"id":"1700000000000"}""");
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _calls;

    public ConnectorSink(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}/_connector";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    public int Calls => Volatile.Read(ref _calls);

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref _calls);
            try
            {
                await context.Request.InputStream.CopyToAsync(Stream.Null);
                var tooLong = context.Request.RawUrl?.Length > MaxUrlLength;
                context.Response.StatusCode = tooLong ? 414 : 200;
                context.Response.ContentType = "application/json";
                if (!tooLong) await context.Response.OutputStream.WriteAsync(Created);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The host gave up on this call (its own timeout); nothing to answer.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
