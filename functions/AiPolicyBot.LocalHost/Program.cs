using AiPolicyBot.Hosting;
using AiPolicyBot.Hosting.Http.Register;
using AiPolicyBot.Hosting.Tab;
using AiPolicyBot.LocalHost.Pumps;
using Microsoft.Extensions.Logging.Console;

// The thin local host: the same routes as the Functions app, for local runs and end-to-end tests. No business logic.
// Listens on http://127.0.0.1:7071 (appsettings.json "Urls"; override with --urls or ASPNETCORE_URLS).
// Storage: configuration key AzureWebJobsStorage, as in the Functions app (Development: UseDevelopmentStorage=true).
var builder = WebApplication.CreateBuilder(args);
// Development would check every registration when the provider is built (a cost on every launch, before the first
// answer); CompositionTests build the same composition with ValidateOnBuild, so a bad registration still fails a test.
builder.Host.UseDefaultServiceProvider(o => o.ValidateOnBuild = false);
builder.Services.AddAiPolicyBot(builder.Configuration);

// The console is a developer's window, not a store: when it cannot keep up (load tests), drop lines rather than block
// request threads on the logger's full queue (the profile of a 32-connection run showed a third of the turn there).
builder.Services.Configure<ConsoleLoggerOptions>(o => o.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite);

// Queue and timer triggers, as the Functions host would run them (settings mirror host.json).
builder.Services.Configure<QueuePumpOptions>(builder.Configuration.GetSection(QueuePumpOptions.Section));
builder.Services.AddHostedService<LocalJobs>();

var app = builder.Build();
app.MapAiPolicyBotApi();

app.Run();

/// <summary>Marker for WebApplicationFactory (the Functions project has its own Program).</summary>
public partial class WebHostProgram;
