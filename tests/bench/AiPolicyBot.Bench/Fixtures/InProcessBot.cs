using System.Net;
using System.Text;
using AiPolicyBot.Academies;
using AiPolicyBot.Conversations;
using AiPolicyBot.Hosting;
using AiPolicyBot.Register;
using AiPolicyBot.Teams.Protocol.Auth;
using AiPolicyBot.Teams.Protocol.Connector;
using AiPolicyBot.Testing.Http;
using AiPolicyBot.Testing.Stores;
using AiPolicyBot.Training;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AiPolicyBot.Bench.Fixtures;

/// <summary>
/// The local host's services (AddAiPolicyBot, Development) with in-memory stores and a fake connector (an
/// HttpMessageHandler under the real connector HttpClient and its resilience pipeline), driving
/// <see cref="MessagesEndpoint"/> with one HttpContext per turn: parse → authenticate → dispatch → understand →
/// card → JSON → connector POST. Kestrel and the socket are not included (the load test has them).
/// </summary>
public sealed class InProcessBot : IAsyncDisposable
{
    public const string Question = "can I use chat gpt for lesson plans?";
    public const string SinkUrl = "http://127.0.0.1:7399/";

    private readonly WebApplication _app;
    private readonly MessagesEndpoint _endpoint;
    private readonly byte[][] _bodies;
    private readonly string? _authorization;
    private int _next;
    private long _replyBytes;
    private int _replies;
    private bool _keepReplies;

    /// <param name="signedTokens">Send a channel token with every activity (validated against <paramref name="keys"/>).</param>
    public InProcessBot(bool signedTokens = false, ChannelKeys? keys = null, int conversations = 500)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Bot:AllowUnauthenticatedLocal"] = "true",
            ["Register:RefreshSeconds"] = "0",
        };
        if (signedTokens)
        {
            keys ??= new ChannelKeys();
            settings["Bot:AppId"] = ChannelKeys.AppId;
            settings["Bot:OpenIdMetadataUrl"] = ChannelKeys.MetadataUrl;
            _authorization = "Bearer " + keys.Token(SinkUrl);
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAiPolicyBot(builder.Configuration);
        builder.Services.Replace(ServiceDescriptor.Singleton<IRegisterStore, InMemoryRegisterStore>());
        builder.Services.Replace(ServiceDescriptor.Singleton<ITrainingStore, InMemoryTrainingStore>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IConversationReferenceStore, MemoryReferences>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IStaffAcademyStore, InMemoryStaffAcademyStore>());
        builder.Services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new StubHandler(Reply));
        if (keys is not null)
        {
            builder.Services.AddHttpClient(BotKeySources.HttpClientName).ConfigurePrimaryHttpMessageHandler(keys.MetadataHandler);
        }
        _app = builder.Build();
        _endpoint = _app.Services.GetRequiredService<MessagesEndpoint>();
        _bodies = Enumerable.Range(0, conversations).Select(i => Encoding.UTF8.GetBytes(Activity($"a:bench-{i}"))).ToArray();
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>Average size of the reply the connector received (the card), in bytes.</summary>
    public long AverageReplyBytes => _replies == 0 ? 0 : _replyBytes / _replies;

    public int Replies => Volatile.Read(ref _replies);

    /// <summary>The raw JSON of the last reply (for the sanity check).</summary>
    public string LastReply { get; private set; } = "";

    /// <summary>One turn; returns the HTTP status the endpoint set.</summary>
    public async Task<int> TurnAsync()
    {
        var body = _bodies[(uint)Interlocked.Increment(ref _next) % (uint)_bodies.Length];
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body, writable: false);
        if (_authorization is not null) context.Request.Headers.Authorization = _authorization;
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Response.Body = Stream.Null;
        await _endpoint.HandleAsync(context);
        return context.Response.StatusCode;
    }

    /// <summary>Runs every conversation once (conversation references stored, caches loaded) and checks the answer.</summary>
    public async Task WarmUpAsync()
    {
        _keepReplies = true;
        for (var i = 0; i < _bodies.Length; i++)
        {
            var status = await TurnAsync();
            if (status != 200) throw new InvalidOperationException($"warm-up turn answered {status}");
        }
        _keepReplies = false;
        if (Replies < _bodies.Length || !LastReply.Contains("ChatGPT", StringComparison.Ordinal) || !LastReply.Contains("adaptive", StringComparison.Ordinal))
            throw new InvalidOperationException("the turn did not send the ChatGPT answer card: " + LastReply);
    }

    private HttpResponseMessage Reply(HttpRequestMessage request)
    {
        // The body is buffered by ConnectorClient, so its length is known. It is decoded only while warming up (to check
        // the answer): decoding every reply was a fifth of the bytes a measured turn allocated, none of them the bot's.
        Interlocked.Add(ref _replyBytes, request.Content!.Headers.ContentLength ?? 0);
        Interlocked.Increment(ref _replies);
        if (_keepReplies) LastReply = request.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StringContent("{\"id\":\"act-1\"}", Encoding.UTF8, "application/json"),
        };
    }

    /// <summary>The activity load.lua sends (tests/bench/side-by-side), in conversation <paramref name="conversationId"/>.</summary>
    public static string Activity(string conversationId) =>
        $$$$"""{"type":"message","id":"m-1","timestamp":"2026-11-27T10:00:00Z","channelId":"msteams","serviceUrl":"{{{{SinkUrl}}}}","from":{"id":"29:load-user","name":"Load User","aadObjectId":"00000000-0000-0000-0000-0000000000aa"},"conversation":{"id":"{{{{conversationId}}}}","conversationType":"personal","tenantId":"00000000-0000-0000-0000-00000000abcd"},"recipient":{"id":"28:aipolicybot","name":"AiPolicyBot"},"text":"{{{{Question}}}}","textFormat":"plain","locale":"en-GB","channelData":{"tenant":{"id":"00000000-0000-0000-0000-00000000abcd"}}}""";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
