using AiPolicyBot.Hosting;
using AiPolicyBot.LocalHost.Pumps;
using Microsoft.Extensions.Logging.Console;

// The thin local host: the same routes as the Functions app, for local runs and end-to-end tests. No business logic.
// Listens on http://127.0.0.1:7071 (appsettings.json "Urls"; override with --urls or ASPNETCORE_URLS).
// Storage: configuration key AzureWebJobsStorage, as in the Functions app (Development: UseDevelopmentStorage=true).
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAiPolicyBot(builder.Configuration);

// The console is a developer's window, not a store: when it cannot keep up (load tests), drop lines rather than block
// request threads on the logger's full queue (the profile of a 32-connection run showed a third of the turn there).
builder.Services.Configure<ConsoleLoggerOptions>(o => o.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite);

// Queue and timer triggers, as the Functions host would run them (settings mirror host.json).
builder.Services.Configure<QueuePumpOptions>(builder.Configuration.GetSection(QueuePumpOptions.Section));
builder.Services.AddHostedService<LocalJobs>();

var app = builder.Build();
var api = app.MapGroup("/api");
api.MapGet("/health", (HealthEndpoint e) => e.Handle());
api.MapPolicyRoutes();
api.MapPost("/triage/preview", (HttpRequest r, TriagePreviewEndpoint e, CancellationToken ct) => e.HandleAsync(r, ct))
   .AddEndpointFilter<AdminKeyFilter>();
api.MapPost("/conversation/preview", (HttpRequest r, ConversationPreviewEndpoint e, CancellationToken ct) => e.HandleAsync(r, ct))
   .AddEndpointFilter<AdminKeyFilter>();
// Anonymous: Graph cannot authenticate; the endpoint checks GraphMail:ClientState on every notification.
api.MapPost("/graph/notifications", (HttpRequest r, GraphNotificationsEndpoint e, CancellationToken ct) => e.HandleAsync(r, ct));
api.MapMethods("/messages", ["POST", "HEAD"], (HttpContext ctx, MessagesEndpoint e) => e.HandleAsync(ctx));

app.Run();

/// <summary>Marker for WebApplicationFactory (the Functions project has its own Program).</summary>
public partial class WebHostProgram;
