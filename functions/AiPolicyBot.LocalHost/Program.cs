using AiPolicyBot.Hosting;

// The thin local host: the same routes as the Functions app, for local runs and end-to-end tests.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAiPolicyBot(builder.Configuration);

var app = builder.Build();
var api = app.MapGroup("/api");
api.MapGet("/health", (HealthEndpoint e) => e.Handle());
api.MapMethods("/messages", ["POST", "HEAD"], (HttpContext ctx, MessagesEndpoint e) => e.HandleAsync(ctx));

app.Run();

/// <summary>Marker for WebApplicationFactory (the Functions project has its own Program).</summary>
public partial class WebHostProgram;
